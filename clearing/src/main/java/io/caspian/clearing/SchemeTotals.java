package io.caspian.clearing;

import java.time.LocalDate;

/**
 * One side's reconciliation totals of a business date, on a scheme's issuing side, in the
 * scheme's currency (minor units at its exponent): how many debits, debit reversals,
 * credits and credit reversals, and their sums. What the reconciliation messages carry
 * (DE 74-77, 86-89; docs/clearing.md).
 */
public record SchemeTotals(LocalDate businessDate, int currency, long debits,
        long debitsMinor, long debitReversals, long debitReversalsMinor, long credits,
        long creditsMinor, long creditReversals, long creditReversalsMinor) {

    /** From the eight numbers in {@link #toArray()} order. */
    public static SchemeTotals of(LocalDate date, int currency, long[] t) {
        Checks.check(t.length == 8, "eight totals");
        return new SchemeTotals(date, currency, t[0], t[1], t[2], t[3], t[4], t[5], t[6],
                t[7]);
    }

    /** Debits, their sum, debit reversals, theirs, credits, theirs, credit reversals, theirs. */
    public long[] toArray() {
        return new long[] {debits, debitsMinor, debitReversals, debitReversalsMinor, credits,
            creditsMinor, creditReversals, creditReversalsMinor};
    }

    /** Net debits of the scheme's cardholders. */
    public long netMinor() {
        return debitsMinor - debitReversalsMinor - creditsMinor + creditReversalsMinor;
    }
}
