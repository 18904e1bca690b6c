package io.caspian.sim.cards;

/** The ISO/IEC 7812-1 check digit (Luhn, mod 10). */
public final class Luhn {
    private Luhn() {
    }

    /** The check digit to append to {@code payload} (digits only). */
    public static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = digit(payload.charAt(i));
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether a full PAN, check digit last, passes the Luhn check. */
    public static boolean isValid(CharSequence pan) {
        if (pan.length() < 2) {
            return false;
        }
        for (int i = 0; i < pan.length(); i++) {
            char c = pan.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkDigit(pan.subSequence(0, pan.length() - 1))
                == pan.charAt(pan.length() - 1) - '0';
    }

    private static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit at a PAN position");
        }
        return c - '0';
    }
}
