package io.caspian.app;

import io.caspian.console.PasswordHashes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caspian console ...}: helpers for the console's configuration. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Helpers for the operations console (see docs/api.md).",
        subcommands = {ConsoleCommand.HashPassword.class})
public final class ConsoleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints a PBKDF2 hash for a {@code users:} entry; the password comes from stdin. */
    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Read a password (from the terminal, or the first line of stdin) and"
                    + " print its hash for users[].passwordHash in the configuration.")
    static final class HashPassword implements Callable<Integer> {
        /** Shortest password accepted. */
        static final int LENGTH_MIN = 10;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] password = read();
            try {
                if (password.length < LENGTH_MIN) {
                    throw new CliException("the password must have at least " + LENGTH_MIN
                            + " characters");
                }
                spec.commandLine().getOut().println(PasswordHashes.hash(password));
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private static char[] read() throws IOException {
            java.io.Console terminal = System.console();
            if (terminal != null) {
                char[] first = terminal.readPassword("password: ");
                char[] again = terminal.readPassword("again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    throw new CliException("the two passwords differ");
                }
                return first;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new CliException("no password on stdin");
            }
            return line.toCharArray();
        }
    }
}
