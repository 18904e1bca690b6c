package io.caspian.app;

/**
 * An error the user can fix (bad argument, unreadable file, message that does not decode):
 * printed as one line on stderr, exit code 2, never a stack trace.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }
}
