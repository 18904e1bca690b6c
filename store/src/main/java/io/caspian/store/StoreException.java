package io.caspian.store;

import java.util.Objects;

/**
 * A typed store failure: how a submission's future completes exceptionally, and what a
 * query throws when the database cannot answer. Never carries a PAN.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final StoreFailure failure;

    public StoreException(StoreFailure failure, String detail) {
        this(failure, detail, null);
    }

    public StoreException(StoreFailure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public StoreFailure failure() {
        return failure;
    }

    /** The store failure under a future's {@code CompletionException}, or null. */
    public static StoreFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StoreException e) {
                return e.failure;
            }
        }
        return null;
    }
}
