package io.caspian.store;

import java.math.BigDecimal;

/** Conversion rates as the store keeps them: exact decimals in {@code NUMERIC(30, 15)}. */
final class Rates {
    /** Digits after the point the column keeps; more would be rounded by the database. */
    static final int SCALE_MAX = 15;
    /** Digits before the point the column keeps. */
    static final int INTEGER_DIGITS_MAX = 15;

    private Rates() {
    }

    /**
     * Checks a rate fits the column without rounding and strips trailing zeros, so a rate
     * read back equals the rate written ({@code 1.50} and {@code 1.500000000000000} are one).
     */
    static BigDecimal normalized(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        Invariants.check(rate.signum() > 0, "conversion rate must be positive");
        BigDecimal stripped = rate.stripTrailingZeros();
        Invariants.check(stripped.scale() <= SCALE_MAX,
                "conversion rate has more than " + SCALE_MAX + " decimal places");
        Invariants.check(stripped.precision() - stripped.scale() <= INTEGER_DIGITS_MAX,
                "conversion rate has more than " + INTEGER_DIGITS_MAX + " integer digits");
        return stripped;
    }
}
