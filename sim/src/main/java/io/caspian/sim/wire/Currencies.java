package io.caspian.sim.wire;

import java.util.Map;

/**
 * Exponents of the currencies the simulators meet, for the models whose amounts do not carry
 * one (Mir: DE 4 in minor units of DE 49). IRR is 0 here because the schemes move whole
 * rials, although ISO 4217 lists two decimals.
 */
public final class Currencies {
    public static final int RUB = 643;
    public static final int IRR = 364;

    private static final Map<Integer, Integer> EXPONENT = Map.of(RUB, 2, IRR, 0, 840, 2,
            978, 2);

    private Currencies() {
    }

    /** The exponent of a currency; 2 for one not in the table (the most common). */
    public static int exponent(int currency) {
        return EXPONENT.getOrDefault(currency, 2);
    }
}
