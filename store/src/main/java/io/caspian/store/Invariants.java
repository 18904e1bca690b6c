package io.caspian.store;

/** Always-on checks of programmer errors; they do not depend on {@code -ea}. */
final class Invariants {
    private Invariants() {
    }

    /** Whether {@code s} is exactly {@code length} ASCII digits (no regex: hot path). */
    static boolean digits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Checks an optional text field's length against its column. */
    static String text(String value, String name, int lengthMax) {
        if (value != null && value.length() > lengthMax) {
            throw new IllegalArgumentException(
                    name + " is longer than " + lengthMax + " characters");
        }
        return value;
    }

    static String requiredText(String value, String name, int lengthMax) {
        return text(present(value, name), name, lengthMax);
    }
}
