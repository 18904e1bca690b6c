package io.caspian.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code caspian} command; each subcommand lives in its own package. */
@Command(name = "caspian", mixinStandardHelpOptions = true, version = "caspian 0.1.0",
        description = "Card-payment interlink switch between national card schemes.",
        subcommands = {CommandLine.HelpCommand.class})
public final class CaspianCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static int run(String... args) {
        return new CommandLine(new CaspianCommand()).execute(args);
    }
}
