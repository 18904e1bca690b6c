package io.caspian.app;

/** Entry point of the {@code caspian} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CaspianCommand.run(args));
    }
}
