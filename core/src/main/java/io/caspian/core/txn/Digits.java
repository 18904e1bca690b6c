package io.caspian.core.txn;

/**
 * Fixed-width decimal text and digit checks for the message path, without regular
 * expressions or {@code String.format}, which cost more than the codec on every request.
 */
public final class Digits {
    private Digits() {
    }

    /** {@code value} as decimal, zeros on the left to {@code width}; never negative. */
    public static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Text right-aligned to {@code width} with zeros on the left (ids in DE 90). */
    public static String pad(String text, int width) {
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    /** Whether {@code s} is exactly {@code length} ASCII digits. */
    public static boolean exactly(String s, int length) {
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
}
