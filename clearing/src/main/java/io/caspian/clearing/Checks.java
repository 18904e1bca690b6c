package io.caspian.clearing;

/** Always-on checks of programmer errors (never disabled like {@code assert}). */
final class Checks {
    private Checks() {
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("clearing invariant violated: " + message);
        }
    }
}
