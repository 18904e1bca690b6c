package io.caspian.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on store futures in tests. */
final class StoreTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);

    private StoreTestSupport() {
    }

    static void await(CompletableFuture<Void> future) {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("write did not complete in " + WAIT, e);
        }
    }

    /** The failure a future completed with; fails the test if it succeeded or hung. */
    static StoreFailure failureOf(CompletableFuture<Void> future) {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected the write to fail, but it committed");
        } catch (ExecutionException e) {
            StoreFailure failure = StoreException.of(e.getCause());
            if (failure == null) {
                throw new AssertionError("failed without a StoreException", e.getCause());
            }
            return failure;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("write did not complete in " + WAIT, e);
        }
    }
}
