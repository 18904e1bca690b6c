package io.caspian.app.hsm;

import io.caspian.hsm.GeneratedMac;
import io.caspian.hsm.HsmCommand.GenerateMac;
import io.caspian.hsm.HsmCommand.VerifyMac;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.hsm.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caspian hsm mac generate|verify}: MAC over hex data under a ZAK. */
@Command(name = "mac", mixinStandardHelpOptions = true, description = "Message MACs.",
        subcommands = {MacCommand.Generate.class, MacCommand.Verify.class})
final class MacCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both subcommands take. */
    abstract static class Base implements Runnable {
        @Mixin
        StoreOptions options;
        @Option(names = "--key", required = true, description = "ZAK (ID or ID@vN).")
        String key;
        @Option(names = "--algorithm", required = true,
                description = "${COMPLETION-CANDIDATES}")
        MacAlgorithm algorithm;
        @Option(names = "--data", required = true, description = "Data to MAC, hex.")
        String data;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a MAC.")
    static final class Generate extends Base {
        @Option(names = "--length", defaultValue = "8",
                description = "MAC length in bytes (default ${DEFAULT-VALUE}).")
        int length;

        @Override
        public void run() {
            GeneratedMac mac = StoreOptions.run(options.open(), new GenerateMac(
                    StoreOptions.keyRef(key), algorithm, StoreOptions.hex("--data", data),
                    length));
            spec.commandLine().getOut().println(mac.toHex());
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a MAC; exit code 0 if it verifies, 1 if it does not.")
    static final class Verify extends Base implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--mac", required = true, description = "MAC to verify, hex.")
        String mac;

        @Override
        public Integer call() {
            Verification verification = StoreOptions.run(options.open(), new VerifyMac(
                    StoreOptions.keyRef(key), algorithm, StoreOptions.hex("--data", data),
                    StoreOptions.hex("--mac", mac)));
            spec.commandLine().getOut().println(verification.verified()
                    ? "verified (key version " + verification.keyVersion() + ")"
                    : "NOT verified");
            return verification.verified() ? 0 : 1;
        }

        @Override
        public void run() {
            call();
        }
    }
}
