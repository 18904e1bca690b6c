package io.caspian.sim.wire;

/**
 * A scheme's own currency: what its cardholders' accounts are kept in and what its
 * terminals charge.
 *
 * @param numeric ISO 4217 numeric code, e.g. 643
 * @param exponent decimal places the scheme's amounts carry: RUB 2, IRR 0 (whole rials)
 * @param alpha ISO 4217 letters, for people, e.g. RUB
 */
public record SchemeCurrency(int numeric, int exponent, String alpha) {
    public static final SchemeCurrency RUB = new SchemeCurrency(643, 2, "RUB");
    public static final SchemeCurrency IRR = new SchemeCurrency(364, 0, "IRR");

    public SchemeCurrency {
        if (numeric < 1 || numeric > 999 || exponent < 0 || exponent > 9) {
            throw new IllegalArgumentException("currency n3 and exponent 0..9");
        }
    }

    /** An amount of this currency. */
    public Money money(long minor) {
        return new Money(minor, numeric, exponent);
    }
}
