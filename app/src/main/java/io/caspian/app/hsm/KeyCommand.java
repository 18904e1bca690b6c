package io.caspian.app.hsm;

import io.caspian.app.CliException;
import io.caspian.hsm.ExportedKey;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand.DescribeKey;
import io.caspian.hsm.HsmCommand.ExportKeyBlock;
import io.caspian.hsm.HsmCommand.ExportKeyEcb;
import io.caspian.hsm.HsmCommand.GenerateKey;
import io.caspian.hsm.HsmCommand.ImportKeyBlock;
import io.caspian.hsm.HsmCommand.ImportKeyEcb;
import io.caspian.hsm.HsmCommand.ListKeys;
import io.caspian.hsm.HsmCommand.RetireKey;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyType;
import io.caspian.hsm.KeyUsage;
import java.io.PrintWriter;
import java.util.Comparator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caspian hsm key generate|import|export|form|components|list|retire}. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Keys in the key store.",
        subcommands = {KeyCommand.Generate.class, KeyCommand.Import.class,
            KeyCommand.Export.class, KeyFormCommand.class, KeyComponentsCommand.class,
            KeyCommand.ListAll.class, KeyCommand.Retire.class})
final class KeyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static KeyUsage usage(KeyType type, KeyUsage usage, KeyAlgorithm algorithm) {
        KeyUsage chosen = usage != null ? usage : KeyUsage.defaultFor(type, algorithm);
        if (chosen.type() != type) {
            throw new CliException("usage " + chosen + " is for a " + chosen.type()
                    + ", not a " + type);
        }
        return chosen;
    }

    /** Shared: the store, and where to print. */
    abstract static class Base implements Runnable {
        @Mixin
        StoreOptions options;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate a random key (a new version if the id exists).")
    static final class Generate extends Base {
        @Option(names = "--id", required = true, description = "Key id.")
        String id;
        @Option(names = "--type", required = true, description = "${COMPLETION-CANDIDATES}")
        KeyType type;
        @Option(names = "--algorithm", required = true,
                description = "${COMPLETION-CANDIDATES}")
        KeyAlgorithm algorithm;
        @Option(names = "--usage", description = "X9.143 usage (default by type): "
                + "${COMPLETION-CANDIDATES}")
        KeyUsage usage;

        @Override
        public void run() {
            KeyInfo key = StoreOptions.run(options.open(), new GenerateKey(id,
                    usage(type, usage, algorithm), algorithm));
            out().println(KeyFormat.line(key));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a key under a ZMK: an X9.143 key block, or the legacy ECB form.")
    static final class Import extends Base {
        @Option(names = "--id", required = true, description = "Key id to store it under.")
        String id;
        @Option(names = "--zmk", required = true, description = "ZMK id (ID or ID@vN).")
        String zmk;
        @Option(names = "--kcv", required = true, description = "Expected key check value.")
        String kcv;
        @Option(names = "--key-block", description = "X9.143 key block (version B or D).")
        String keyBlock;
        @Option(names = "--ecb", description = "Hex of the key encrypted under the ZMK (ECB).")
        String ecb;
        @Option(names = "--type", description = "Key type, for --ecb.")
        KeyType type;
        @Option(names = "--algorithm", description = "Key algorithm, for --ecb.")
        KeyAlgorithm algorithm;
        @Option(names = "--usage", description = "X9.143 usage, for --ecb (default by type).")
        KeyUsage usage;

        @Override
        public void run() {
            if ((keyBlock == null) == (ecb == null)) {
                throw new CliException("give exactly one of --key-block and --ecb");
            }
            Hsm hsm = options.open();
            KeyInfo key;
            if (keyBlock != null) {
                key = StoreOptions.run(hsm, new ImportKeyBlock(id, StoreOptions.keyRef(zmk),
                        keyBlock, kcv));
            } else {
                if (type == null || algorithm == null) {
                    throw new CliException("--ecb needs --type and --algorithm");
                }
                key = StoreOptions.run(hsm, new ImportKeyEcb(id, usage(type, usage, algorithm),
                        algorithm, StoreOptions.keyRef(zmk), StoreOptions.hex("--ecb", ecb), kcv));
            }
            out().println(KeyFormat.line(key));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a key under a ZMK.")
    static final class Export extends Base {
        @Option(names = "--key", required = true, description = "Key (ID or ID@vN).")
        String key;
        @Option(names = "--zmk", required = true, description = "ZMK (ID or ID@vN).")
        String zmk;
        @Option(names = "--form", defaultValue = "tr31",
                description = "tr31 (version B for a TDES ZMK, D for AES) or ecb;"
                        + " default ${DEFAULT-VALUE}.")
        String form;

        @Override
        public void run() {
            Hsm hsm = options.open();
            KeyRef keyRef = StoreOptions.keyRef(key);
            KeyRef zmkRef = StoreOptions.keyRef(zmk);
            ExportedKey exported = switch (form) {
                case "ecb" -> StoreOptions.run(hsm, new ExportKeyEcb(keyRef, zmkRef));
                case "tr31" -> {
                    KeyInfo zmkInfo = StoreOptions.run(hsm, new DescribeKey(zmkRef));
                    char version = zmkInfo.algorithm().isTdes() ? 'B' : 'D';
                    yield StoreOptions.run(hsm, new ExportKeyBlock(keyRef, zmkRef, version));
                }
                default -> throw new CliException("--form is tr31 or ecb, not " + form);
            };
            out().println(exported.form());
            out().println("kcv=" + exported.checkValue());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every key version (never a key value).")
    static final class ListAll extends Base {
        @Override
        public void run() {
            StoreOptions.run(options.open(), new ListKeys()).stream()
                    .sorted(Comparator.comparing(KeyInfo::id).thenComparing(KeyInfo::version))
                    .forEach(key -> out().println(KeyFormat.line(key)));
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = "Retire one version (ID@vN) or every version (ID) of a key.")
    static final class Retire extends Base {
        @Option(names = "--key", required = true, description = "Key (ID or ID@vN).")
        String key;

        @Override
        public void run() {
            StoreOptions.run(options.open(), new RetireKey(StoreOptions.keyRef(key)))
                    .forEach(info -> out().println(KeyFormat.line(info)));
        }
    }
}
