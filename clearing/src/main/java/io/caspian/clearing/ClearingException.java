package io.caspian.clearing;

/**
 * An operator's request clearing refuses (unknown scheme, open date, dispute out of time,
 * file that would change): one line that says why.
 */
public final class ClearingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClearingException(String message) {
        super(message);
    }

    public ClearingException(String message, Throwable cause) {
        super(message, cause);
    }
}
