package io.caspian.app;

import io.caspian.app.iso.IsoCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code caspian} command; each subcommand lives in its own package. */
@Command(name = "caspian", mixinStandardHelpOptions = true, version = "caspian 0.1.0",
        description = "Card-payment interlink switch between national card schemes.",
        subcommands = {DemoCommand.class, RunCommand.class, ConsoleCommand.class,
            IsoCommand.class, io.caspian.app.hsm.HsmCommand.class,
            io.caspian.app.bench.BenchCommand.class,
            io.caspian.app.clearing.CutOverCommand.class,
            io.caspian.app.clearing.ClearCommand.class,
            io.caspian.app.clearing.SettleCommand.class,
            io.caspian.app.clearing.ReconCommand.class,
            io.caspian.app.clearing.DisputeCommand.class,
            CommandLine.HelpCommand.class})
public final class CaspianCommand implements Runnable {
    /** Exit code for bad input: arguments, files, messages. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with Caspian's error handling: one line on stderr, exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CaspianCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("caspian: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CliException) {
                cmd.getErr().println("caspian: " + ex.getMessage());
                return EXIT_USAGE;
            }
            throw ex;
        });
        return cl;
    }
}
