package io.caspian.sim.issuer;

/** The kinds of ledger entry; a reversal entry cancels exactly one earlier entry. */
public enum EntryKind {
    /** Money out of the account: purchase, cash, transfer out, authorization hold. */
    DEBIT(1),
    /** Money into the account: refund. */
    CREDIT(-1),
    /** Cancels a debit. */
    DEBIT_REVERSAL(-1),
    /** Cancels a credit. */
    CREDIT_REVERSAL(1);

    private final int netDebitSign;

    EntryKind(int netDebitSign) {
        this.netDebitSign = netDebitSign;
    }

    /** +1 when the entry adds to net debits, -1 when it subtracts. */
    public int netDebitSign() {
        return netDebitSign;
    }

    /** The entry that cancels this one. */
    public EntryKind reversal() {
        switch (this) {
            case DEBIT:
                return DEBIT_REVERSAL;
            case CREDIT:
                return CREDIT_REVERSAL;
            default:
                throw new IllegalStateException("a reversal is not reversed: " + this);
        }
    }
}
