package io.caspian.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that turns submissions from many flows into few commits.
 *
 * <pre>
 * submit ─► [bounded queue] ─► committer: take one, gather more for up to the window or
 *   until groupCommitBatchMax ─► one database transaction ─► commit ─► complete futures
 * </pre>
 *
 * <p>A future completes only after the commit that holds its writes (DESIGN.md I1), or
 * exceptionally with a {@link StoreException}. Submit never blocks: a full queue fails at
 * once as {@link StoreFailure#STORE_OVERLOADED}. While the database is down, batches fail
 * at once as unavailable except for one try per probe interval, so a dead database costs
 * callers microseconds rather than a connection timeout each.
 */
final class GroupCommitter implements Committer {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final long IDLE_POLL_MS = 50;
    private static final long CLOSE_WAIT_MS = 30_000;

    private final SubmissionQueue queue;
    private final BatchCommitter batches;
    private final HealthTracker health;
    private final ProbeTarget probe;
    private final Executor completion;
    private final AtomicLong uncaught = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** How the committer checks an idle, down database without a batch to try. */
    interface ProbeTarget {
        Connection connect() throws SQLException;
    }

    GroupCommitter(StoreConfig config, BatchCommitter batches, HealthTracker health,
            ProbeTarget probe, Executor completion) {
        this.queue = new SubmissionQueue(config, health, completion);
        this.batches = batches;
        this.health = health;
        this.probe = probe;
        this.completion = completion;
        this.thread = new Thread(this::run, "caspian-store-committer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public CompletableFuture<Void> submit(List<StoreWrite> writes) {
        return queue.submit(writes);
    }

    /** Nothing to wait for: a submission completes after its commit. */
    @Override
    public void awaitLoaded() {
    }

    @Override
    public int queueDepth() {
        return queue.size();
    }

    @Override
    public long uncaughtFailures() {
        return uncaught.get();
    }

    @Override
    public boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        List<Submission> batch = new ArrayList<>(queue.batchMax());
        while (running || !queue.isEmpty()) {
            try {
                if (!queue.nextGroup(batch, IDLE_POLL_MS)) {
                    probeIfDown();
                    continue;
                }
                commit(batch);
            } catch (Throwable t) {
                // Top of the thread loop: the committer must outlive anything one batch
                // does, or every later write would hang.
                uncaught.incrementAndGet();
                LOG.error("store committer failed a batch of {}", batch.size(), t);
                queue.fail(batch, StoreFailure.DATABASE_UNAVAILABLE, "committer failure: " + t);
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Submission> batch) {
        if (!health.mayTryDatabase()) {
            queue.fail(batch, StoreFailure.DATABASE_UNAVAILABLE, health.downDetail());
            return;
        }
        StoreException[] outcomes;
        try {
            outcomes = batches.commit(batch);
        } catch (BatchFailure f) {
            health.down(f.getMessage());
            LOG.warn("store batch of {} failed: {} {}", batch.size(), f.failure(), f.getMessage());
            queue.fail(batch, f.failure(), f.getMessage());
            return;
        }
        health.up();
        health.countCommit();
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Void> future = batch.get(i).future();
            StoreException outcome = outcomes[i];
            if (outcome == null) {
                health.countCommitted(1);
                completion.execute(() -> future.complete(null));
            } else {
                health.countFailed(1);
                completion.execute(() -> future.completeExceptionally(outcome));
            }
        }
    }

    /** Lets health come back by itself when no writes arrive to try the database. */
    private void probeIfDown() {
        if (!health.isDown() || !health.mayTryDatabase()) {
            return;
        }
        try (Connection connection = probe.connect()) {
            if (connection.isValid(1)) {
                health.up();
                LOG.info("store database reachable again");
                return;
            }
            health.down("connection not valid");
        } catch (SQLException e) {
            health.down(Jdbc.describe(e));
        }
    }

    /** Commits what is queued, then stops; submissions arriving meanwhile fail as closed. */
    @Override
    public void close() {
        queue.stopAccepting();
        running = false;
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.failLeftovers();
    }
}
