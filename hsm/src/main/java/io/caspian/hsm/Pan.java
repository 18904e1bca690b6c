package io.caspian.hsm;

import java.util.regex.Pattern;

/**
 * The primary account number a PIN block is bound to (ISO 9564-1 formats 0, 3 and 4).
 *
 * <p>Not Luhn-checked: the PIN block only uses the digits, and published PIN block vectors
 * use PANs that fail Luhn. {@link #toString()} masks all but the first six and last four.
 *
 * @param digits 1 to 19 decimal digits
 */
public record Pan(String digits) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    public Pan {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("PAN must be 1 to 19 decimal digits");
        }
    }

    public static Pan of(String digits) {
        return new Pan(digits);
    }

    public int length() {
        return digits.length();
    }

    @Override
    public String toString() {
        if (digits.length() < 11) {
            return "Pan[" + "*".repeat(digits.length()) + "]";
        }
        int hidden = digits.length() - 10;
        return "Pan[" + digits.substring(0, 6) + "*".repeat(hidden)
                + digits.substring(digits.length() - 4) + "]";
    }
}
