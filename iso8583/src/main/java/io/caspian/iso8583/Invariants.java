package io.caspian.iso8583;

/** Always-on assertions for programmer errors (they do not depend on {@code -ea}). */
public final class Invariants {
    private Invariants() {
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("invariant violated: " + message);
        }
    }

    /** Formats only when the check fails, and takes ints so a passing check boxes nothing. */
    public static void check(boolean condition, String format, int a, int b, int c) {
        if (!condition) {
            throw new IllegalStateException("invariant violated: " + String.format(format, a, b, c));
        }
    }
}
