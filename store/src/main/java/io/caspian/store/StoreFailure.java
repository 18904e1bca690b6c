package io.caspian.store;

/**
 * Why a write did not become durable. For all of them the caller must treat the write as
 * not done: decline with "system malfunction" and, if the issuer may have approved, owe a
 * reversal. Writes are idempotent, so submitting them again later is safe.
 */
public enum StoreFailure {
    /** The submission queue is full; nothing was queued. Shed load. */
    STORE_OVERLOADED,
    /** The database could not be reached, or failed before the commit; nothing was written. */
    DATABASE_UNAVAILABLE,
    /**
     * The commit itself failed: the database may or may not have made the batch durable.
     * Safe handling is the same as for unavailable; a replay finds out which.
     */
    COMMIT_OUTCOME_UNKNOWN,
    /**
     * The submission disagrees with what is stored: a transition whose {@code from} is not
     * the current state, a missing row, or an id reused for a different transaction. Only
     * this submission failed; the rest of its batch committed. A flow bug or a lost update.
     */
    CONFLICT,
    /** The database refused this submission's data (a constraint); the rest committed. */
    WRITE_REJECTED,
    /** The store is closed. */
    STORE_CLOSED
}
