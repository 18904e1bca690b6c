package io.caspian.core.saf;

import io.caspian.core.mapping.Outbound;
import io.caspian.core.money.Money;
import io.caspian.core.txn.Mti;
import io.caspian.store.SafKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A reversal or advice owed to an issuing scheme, with what is needed to build it: the
 * original as Caspian sent it (or would have), and the PAN, which is held in memory only
 * and, after a restart, revealed from the store's encrypted copy.
 */
public final class Owed {
    public final UUID transactionId;
    public final SafKind kind;
    public final String target;
    public final String pan;
    public final String processingCode;
    public final Money amount;
    public final Mti originalMti;
    public final Outbound original;
    public final String terminalId;
    public final String merchantId;
    public final String reasonCode;
    public final String authCode;
    /**
     * A reversal of a request that timed out and was then approved in stand-in: its
     * acknowledgement leaves the transaction's state (advice pending) alone.
     */
    public boolean standsIn;
    /**
     * For a partial reversal, the original's amount in the target's currency ({@link #amount}
     * is the part reversed); null otherwise.
     */
    public Money originalAmount;
    /**
     * A completion advice's own numbering, given at its first send and kept for its repeats
     * ({@link #original} is the authorization it completes); null until then.
     */
    public Outbound adviceNumbering;
    public int attempts;
    public Instant nextAttemptAt;
    /** The STAN of the latest send, to match the acknowledgement; null before a send. */
    public String sentStan;

    public Owed(UUID transactionId, SafKind kind, String target, String pan,
            String processingCode, Money amount, Mti originalMti, Outbound original,
            String terminalId, String merchantId, String reasonCode, String authCode,
            Instant nextAttemptAt) {
        this.transactionId = transactionId;
        this.kind = kind;
        this.target = target;
        this.pan = pan;
        this.processingCode = processingCode;
        this.amount = amount;
        this.originalMti = originalMti;
        this.original = original;
        this.terminalId = terminalId;
        this.merchantId = merchantId;
        this.reasonCode = reasonCode;
        this.authCode = authCode;
        this.nextAttemptAt = nextAttemptAt;
    }

    @Override
    public String toString() {
        return kind + " of " + transactionId + " to " + target + " attempts=" + attempts;
    }
}
