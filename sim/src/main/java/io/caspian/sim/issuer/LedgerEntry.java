package io.caspian.sim.issuer;

import io.caspian.sim.cards.Pans;
import io.caspian.sim.wire.OriginalKey;
import java.time.Instant;

/**
 * One line of an issuer's ledger; never changed once written.
 *
 * @param sequence 1, 2, 3 ... in the order written
 * @param at when it was written (the issuer's clock)
 * @param pan the account's PAN; {@link #toString()} masks it
 * @param kind debit, credit or a reversal of one
 * @param amountMinor positive, minor units of {@code currency}
 * @param currency ISO 4217 numeric code of the account
 * @param key the transaction it belongs to (for a reversal entry: the original's)
 * @param rrn DE 37 of the message that caused it
 */
public record LedgerEntry(long sequence, Instant at, String pan, EntryKind kind,
        long amountMinor, int currency, OriginalKey key, String rrn) {

    public LedgerEntry {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("ledger amounts are positive; kind gives sign");
        }
    }

    /** This entry's effect on net debits. */
    public long netDebitMinor() {
        return kind.netDebitSign() * amountMinor;
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + sequence + " " + kind + " " + amountMinor + " " + currency
                + " " + Pans.mask(pan) + " stan=" + key.stan() + " rrn=" + rrn + "]";
    }
}
