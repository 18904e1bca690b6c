package io.caspian.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The committers' intake: a bounded queue that never blocks a submitter (a full queue
 * fails at once as {@link StoreFailure#STORE_OVERLOADED}), gathering into groups, and
 * failing what cannot be made durable. Submit from any thread; take from one committer
 * thread.
 */
final class SubmissionQueue {
    private final ArrayBlockingQueue<Submission> queue;
    private final HealthTracker health;
    private final Executor completion;
    private final long windowNanos;
    private final int batchMax;
    private volatile boolean accepting = true;

    SubmissionQueue(StoreConfig config, HealthTracker health, Executor completion) {
        this.queue = new ArrayBlockingQueue<>(config.submitQueueMax());
        this.health = health;
        this.completion = completion;
        this.windowNanos = TimeUnit.MICROSECONDS.toNanos(config.groupCommitWindowMicros());
        this.batchMax = config.groupCommitBatchMax();
    }

    CompletableFuture<Void> submit(List<StoreWrite> writes) {
        List<StoreWrite> copy = List.copyOf(writes);
        Invariants.check(!copy.isEmpty(), "a submission needs at least one write");
        if (!accepting) {
            health.countFailed(1);
            return CompletableFuture.failedFuture(
                    new StoreException(StoreFailure.STORE_CLOSED, "store is closed"));
        }
        Submission submission = new Submission(copy, new CompletableFuture<>());
        if (!queue.offer(submission)) {
            health.countFailed(1);
            return CompletableFuture.failedFuture(new StoreException(
                    StoreFailure.STORE_OVERLOADED, queue.size() + " submissions waiting"));
        }
        if (!accepting && queue.remove(submission)) {
            // Raced close(): the committer may already be gone, so nobody would answer it.
            health.countFailed(1);
            submission.future().completeExceptionally(
                    new StoreException(StoreFailure.STORE_CLOSED, "store is closed"));
        }
        return submission.future();
    }

    /**
     * Fills {@code batch} with the next group: waits up to {@code idleMs} for a first
     * submission (false if none came), then adds what is queued and what arrives within
     * the group commit window from now, up to the batch maximum. The window is a pacing
     * interval, not business time, so it reads the monotonic timer, not the clock.
     */
    boolean nextGroup(List<Submission> batch, long idleMs) throws InterruptedException {
        Submission first = queue.poll(idleMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        queue.drainTo(batch, batchMax - batch.size());
        long deadline = System.nanoTime() + windowNanos;
        while (batch.size() < batchMax) {
            long waitNanos = deadline - System.nanoTime();
            if (waitNanos <= 0) {
                break;
            }
            Submission next = queue.poll(waitNanos, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, batchMax - batch.size());
        }
        return true;
    }

    /** Fails every submission of {@code batch} not already answered. */
    void fail(List<Submission> batch, StoreFailure failure, String detail) {
        StoreException error = new StoreException(failure, detail);
        for (Submission submission : batch) {
            if (!submission.future().isDone()) {
                health.countFailed(1);
                completion.execute(() -> submission.future().completeExceptionally(error));
            }
        }
    }

    /** Refuses new submissions; they fail as {@link StoreFailure#STORE_CLOSED}. */
    void stopAccepting() {
        accepting = false;
    }

    /** Fails whatever is still queued, after the committer has stopped. */
    void failLeftovers() {
        List<Submission> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, StoreFailure.STORE_CLOSED, "store closed before commit");
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    int batchMax() {
        return batchMax;
    }
}
