package io.caspian.core.recon;

import java.time.LocalDate;

/**
 * One side's totals of a business date in one currency, as ISO 8583 reconciliation fields
 * count them: debits (DE 76 / 88), debit reversals (77 / 89), credits (74 / 86), credit
 * reversals (75 / 87); amounts in minor units of {@code currency} at its exponent.
 *
 * @param businessDate the closed business date
 * @param currency ISO 4217 numeric code (DE 50)
 */
public record ReconTotals(LocalDate businessDate, int currency, long debits,
        long debitsMinor, long debitReversals, long debitReversalsMinor, long credits,
        long creditsMinor, long creditReversals, long creditReversalsMinor) {

    public ReconTotals {
        long[] all = {debits, debitsMinor, debitReversals, debitReversalsMinor, credits,
            creditsMinor, creditReversals, creditReversalsMinor};
        for (long v : all) {
            if (v < 0) {
                throw new IllegalArgumentException("reconciliation counts and amounts are"
                        + " never negative");
            }
        }
    }

    /** Net debits (DE 97): debits less their reversals less credits plus theirs. */
    public long netMinor() {
        return debitsMinor - debitReversalsMinor - creditsMinor + creditReversalsMinor;
    }

    /** Whether the counts and amounts are the same (the date is not compared). */
    public boolean agreesWith(ReconTotals other) {
        return currency == other.currency && debits == other.debits
                && debitsMinor == other.debitsMinor && debitReversals == other.debitReversals
                && debitReversalsMinor == other.debitReversalsMinor
                && credits == other.credits && creditsMinor == other.creditsMinor
                && creditReversals == other.creditReversals
                && creditReversalsMinor == other.creditReversalsMinor;
    }

    /** One readable line: counts and minor units. */
    public String summary() {
        return "debits " + debits + "/" + debitsMinor + ", reversed " + debitReversals + "/"
                + debitReversalsMinor + ", credits " + credits + "/" + creditsMinor
                + ", reversed " + creditReversals + "/" + creditReversalsMinor + ", net "
                + netMinor();
    }
}
