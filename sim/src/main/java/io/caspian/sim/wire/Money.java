package io.caspian.sim.wire;

/**
 * An amount as the wire carries it.
 *
 * @param minor amount in units of 10^-exponent
 * @param currency ISO 4217 numeric code
 * @param exponent decimal places of {@code minor}
 */
public record Money(long minor, int currency, int exponent) {
    public Money {
        if (minor < 0) {
            throw new IllegalArgumentException("amounts on the wire are not negative");
        }
        if (currency < 0 || currency > 999 || exponent < 0 || exponent > 9) {
            throw new IllegalArgumentException("currency n3 and exponent 0..9");
        }
    }

    /**
     * The same amount with another exponent, or -1 when it is not a whole number of the
     * target's units or does not fit a long.
     */
    public long minorAt(int targetExponent) {
        long v = minor;
        for (int e = exponent; e < targetExponent; e++) {
            if (v > Long.MAX_VALUE / 10) {
                return -1;
            }
            v *= 10;
        }
        for (int e = exponent; e > targetExponent; e--) {
            if (v % 10 != 0) {
                return -1;
            }
            v /= 10;
        }
        return v;
    }
}
