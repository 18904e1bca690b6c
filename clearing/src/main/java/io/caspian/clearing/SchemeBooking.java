package io.caspian.clearing;

/**
 * One booking in a scheme's own ledger, as its back office lists it for a difference
 * report: the identifiers Caspian sent it (our RRN and STAN on the scheme's link; for a
 * reversal, those of the original), whether it reverses, which way, and the amount.
 *
 * @param rrn our DE 37 on the scheme's link, or empty
 * @param stan our DE 11 on the scheme's link (for a reversal: the original's)
 * @param reversal whether the booking reverses an earlier one
 * @param debit whether the booking (or the one it reverses) debits the cardholder
 * @param amountMinor minor units of the scheme's currency, positive
 */
public record SchemeBooking(String rrn, long stan, boolean reversal, boolean debit,
        long amountMinor) {

    /** How a clearing record and a booking are matched: RRN, or STAN without one. */
    String key() {
        return (reversal ? "R|" : "P|") + (rrn == null || rrn.isBlank() ? "stan " + stan
                : "rrn " + rrn.trim());
    }
}
