package io.caspian.core.flow;

import io.caspian.core.conversion.Conversion;
import io.caspian.core.mapping.Outbound;
import io.caspian.core.port.Scheduler;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.Mti;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.pan.ProtectedPan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One request in flight through the switch, from the acquirer's message to its reply.
 * Engine-thread only. Its state changes only through {@link #transitionTo}.
 */
final class Exchange {
    final UUID id;
    final String acquirer;
    final IsoMessage request;
    final CanonicalMessage canonical;
    final long receivedNanos;
    /** When the switch received it: the record's creation time and our DE 7 towards the
     *  issuer, one instant, so a restart can rebuild what was sent from the record. */
    final Instant receivedAt;
    final String duplicateKey;
    String issuer;
    TransactionRecord record;
    Conversion conversion;
    Outbound ours;
    /**
     * The stand-in advice's numbering when the switch stood in after a timeout: what an
     * acquirer's reversal of this approval must name (the request itself is reversed
     * already). Null otherwise.
     */
    Outbound adviceNumbering;
    Mti issuerMti;
    Scheduler.Cancellable timer;
    /**
     * The acquirer reversed this request (x420) while it still waited for the issuer: its
     * timeout must not stand in, since the acquirer no longer wants an answer and a stand-in
     * advice would book a debit no reversal names.
     */
    boolean reversedByAcquirer;
    /** Issuer-side debit reserved against the issuing scheme's position; 0 if none. */
    long reservedMinor;
    /** The PAN's look-up hash (hex), for screening and velocity; never the PAN. */
    String cardHash;
    /** The PAN as stored (encrypted, hashed, first 6 / last 4), computed once. */
    ProtectedPan protectedPan;
    private TransactionState state = TransactionState.RECEIVED;

    Exchange(UUID id, String acquirer, IsoMessage request, CanonicalMessage canonical,
            long receivedNanos, Instant receivedAt, String duplicateKey) {
        this.id = id;
        this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        this.acquirer = acquirer;
        this.request = request;
        this.canonical = canonical;
        this.receivedNanos = receivedNanos;
        this.duplicateKey = duplicateKey;
    }

    TransactionState state() {
        return state;
    }

    /** The one mutator of state: checks the edge against {@link Transitions}. */
    TransactionState transitionTo(TransactionState next) {
        Transitions.check(state, next);
        TransactionState from = state;
        state = next;
        return from;
    }

    /** "mir>shetab": acquiring scheme to issuing scheme. */
    String direction() {
        return acquirer + ">" + (issuer == null ? "?" : issuer);
    }
}
