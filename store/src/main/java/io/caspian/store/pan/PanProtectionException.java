package io.caspian.store.pan;

/**
 * A stored PAN could not be revealed: its data key is unknown or retired, or the ciphertext
 * or its key id was altered (the GCM tag does not verify). Never carries PAN digits.
 */
public final class PanProtectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PanProtectionException(String message) {
        super(message);
    }

    public PanProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
