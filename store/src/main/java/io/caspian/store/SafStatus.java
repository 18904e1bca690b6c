package io.caspian.store;

/** Whether a store-and-forward item is still owed. */
public enum SafStatus {
    /** Not yet acknowledged: send again at {@code nextAttemptAt}. */
    PENDING,
    /** The scheme acknowledged it; kept for the record. */
    ACKED
}
