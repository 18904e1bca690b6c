package io.caspian.app.hsm;

import io.caspian.app.CliException;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.hsm.keys.Lmk;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caspian hsm lmk init}: a fresh LMK and an empty key store. */
@Command(name = "lmk", mixinStandardHelpOptions = true, description = "Local master key.",
        subcommands = LmkCommand.Init.class)
final class LmkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a new LMK file (owner-only) and an empty key store.")
    static final class Init implements Runnable {
        @Mixin
        StoreOptions options;

        @Option(names = "--lmk-out", paramLabel = "FILE",
                description = "Where to write the LMK (default: DIR/lmk.hex). Keep it apart"
                        + " from the store in production.")
        Path lmkOut;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Path file = lmkOut != null ? lmkOut : options.store.resolve(SoftwareHsm.LMK_FILE_NAME);
            try {
                java.nio.file.Files.createDirectories(options.store);
                SecureRandom random = new SecureRandom();
                Lmk lmk = Lmk.generate(random).writeFile(file);
                SoftwareHsm.create(options.store, lmk, Clock.systemUTC(),
                        SoftwareHsm.DEFAULT_PREVIOUS_VERSION_GRACE, random);
                spec.commandLine().getOut().printf("lmk %s kcv=%s%nstore %s%n", file,
                        lmk.checkValue(), options.store);
            } catch (IOException e) {
                throw new CliException(e.getMessage());
            }
        }
    }
}
