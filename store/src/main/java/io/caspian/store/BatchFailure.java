package io.caspian.store;

/** A whole batch failed: every submission in it fails with {@link #failure}. */
final class BatchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final StoreFailure failure;

    BatchFailure(StoreFailure failure, String detail, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
    }

    StoreFailure failure() {
        return failure;
    }
}
