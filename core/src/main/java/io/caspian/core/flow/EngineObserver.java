package io.caspian.core.flow;

import io.caspian.core.txn.Reason;
import io.caspian.store.TransactionState;

/**
 * Told what the engine did, for metrics (the console implements it with Micrometer, so core
 * needs no metrics library). Called on the engine thread: an implementation must be quick
 * and must not block or throw.
 */
public interface EngineObserver {
    /** Observes nothing. */
    EngineObserver NONE = new EngineObserver() {
    };

    /**
     * A request was answered to its acquirer.
     *
     * @param acquirer the acquiring scheme
     * @param issuer the issuing scheme, or null when the request was declined before routing
     * @param reason why it ended so; {@link Reason#isApproval()} tells approvals
     * @param state the transaction's state when answered: {@code ADVICE_PENDING} (or
     *     {@code STOOD_IN}) for a stand-in, {@code REVERSAL_PENDING} after an issuer timeout
     * @param latencyNanos from receipt of the request to the reply
     * @param delivered whether the reply reached the acquirer's link
     */
    default void onAnswered(String acquirer, String issuer, Reason reason,
            TransactionState state, long latencyNanos, boolean delivered) {
    }
}
