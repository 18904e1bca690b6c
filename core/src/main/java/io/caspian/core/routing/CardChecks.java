package io.caspian.core.routing;

import io.caspian.core.txn.Digits;

/** Checks a switch makes on a card number and expiry before it bothers an issuer. */
public final class CardChecks {
    private CardChecks() {
    }

    /** ISO/IEC 7812-1 Luhn check over a PAN of 12 to 19 digits. */
    public static boolean luhnValid(String pan) {
        if (pan == null || pan.length() < 12 || pan.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = pan.length() - 1; i >= 0; i--) {
            int d = pan.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** Whether an expiry is four digits YYMM with a month 01-12. */
    public static boolean expiryWellFormed(String yymm) {
        if (!Digits.exactly(yymm, 4)) {
            return false;
        }
        int month = Integer.parseInt(yymm.substring(2));
        return month >= 1 && month <= 12;
    }
}
