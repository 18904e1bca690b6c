package io.caspian.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a transaction's append-only state history.
 *
 * @param seq 1 for the state the transaction was inserted in, then one more per transition
 * @param from null for the first entry
 * @param cause why, as a phrase: {@code ISSUER_APPROVED}, {@code RESPONSE_TIMEOUT}
 */
public record StateChange(UUID transactionId, int seq, TransactionState from,
        TransactionState to, String cause, Instant at) {
}
