package io.caspian.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable by journal, loaded behind: the embedded store's committer.
 *
 * <pre>
 * submit ─► [queue] ─► committer thread: check each submission against the states it
 *   knows ─► append the accepted ones to the journal (one write per group) ─► complete
 *   their futures ─► [load queue] ─► loader thread: every {@value #LOAD_INTERVAL_MS} ms (at
 *   once when a reader waits) one database transaction for everything queued ─► CHECKPOINT
 *   and delete journal segments wholly loaded
 * </pre>
 *
 * <p>A submission is durable once its journal record is written (DESIGN.md I1 holds: the
 * approval waits for that). After a crash, {@link #replay} puts every journal record into
 * the tables before anything else runs; writes are idempotent by key, so a record already
 * loaded is a no-op the second time.
 *
 * <p>Why: the database's own cost per commit and per row dominated the switch. Loading a
 * request and its answer in one transaction, up to a tenth of a second later, writes the row
 * once in its final state instead of inserting it and then updating it (H2 executes an
 * update as a delete and an insert on every index), and one commit serves hundreds of
 * submissions. Measured in {@code docs/benchmarks.md}.
 *
 * <p>What a flow is told stays what the database would have said: transitions are checked
 * when submitted, against the state of every transaction this committer wrote in the last
 * {@value #KNOWN_KEEP_MS} ms (nothing else writes transaction states to the embedded
 * database), else against the tables. A submission holding anything else (a row naming its
 * original, store-and-forward items, business dates, audit entries) completes only after
 * it is loaded, with the database's own verdict.
 * Queries wait for the loader ({@link #awaitLoaded}), so they see every completed write.
 */
final class JournalCommitter implements Committer {
    private static final Logger LOG = LoggerFactory.getLogger(JournalCommitter.class);

    /** How long the loader gathers submissions before a transaction of them. */
    static final long LOAD_INTERVAL_MS = 100;

    /** Most submissions the loader puts in one database transaction. */
    static final int LOAD_BATCH_MAX = 4_096;

    /** How long the committer remembers the state of a transaction it wrote. */
    static final long KNOWN_KEEP_MS = 15_000;

    private static final long IDLE_POLL_MS = 50;
    private static final long CLOSE_WAIT_MS = 30_000;
    private static final long LOAD_RETRY_MS = 200;

    /** A submission accepted into the journal under {@code number}. */
    private record Journaled(long number, Submission submission, boolean completesOnLoad) {
    }

    /**
     * What the committer knows of a transaction: its state and the edges it took, one bit
     * per (from, to) pair of states in two words.
     */
    private record Known(TransactionState state, long edgesLow, long edgesHigh, long number,
            long touchedMs, int identity) {
        static Known fresh(TransactionState state, long number, long nowMs) {
            return new Known(state, 0, 0, number, nowMs, 0);
        }

        static Known inserted(TransactionRecord t, long number, long nowMs) {
            return new Known(t.state(), 0, 0, number, nowMs, identity(t));
        }

        /** What makes an insert a replay rather than another transaction (see the applier). */
        static int identity(TransactionRecord t) {
            return Objects.hash(t.createdAt(), t.acquirerScheme(), t.acquirer(),
                    t.acquirerAmount(), t.pan().hash(), t.mti(), t.originalId()) | 1;
        }

        boolean took(TransactionState from, TransactionState to) {
            int bit = bit(from, to);
            return ((bit < 64 ? edgesLow : edgesHigh) & (1L << (bit & 63))) != 0;
        }

        Known move(TransactionState from, TransactionState to, long number, long nowMs) {
            return withEdge(from, to).moved(to, number, nowMs);
        }

        /** The same state, having taken the edge (from, to). */
        Known withEdge(TransactionState from, TransactionState to) {
            int bit = bit(from, to);
            return new Known(state, bit < 64 ? edgesLow | 1L << bit : edgesLow,
                    bit < 64 ? edgesHigh : edgesHigh | 1L << (bit - 64), number, touchedMs,
                    identity);
        }

        private Known moved(TransactionState to, long number, long nowMs) {
            return new Known(to, edgesLow, edgesHigh, number, nowMs, identity);
        }

        Known touched(long number, long nowMs) {
            return new Known(state, edgesLow, edgesHigh, number, nowMs, identity);
        }

        private static int bit(TransactionState from, TransactionState to) {
            return from.ordinal() * STATES + to.ordinal();
        }
    }

    private static final int STATES = TransactionState.values().length;

    static {
        Invariants.check(STATES * STATES <= 128, "transition edges must fit in two words");
    }

    private final SubmissionQueue queue;
    private final ArrayBlockingQueue<Journaled> loadQueue;
    private final WriteJournal journal;
    private final BatchCommitter batches;
    private final HealthTracker health;
    private final Executor completion;
    private final ConnectionSource connections;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();
    private final AtomicLong uncaught = new AtomicLong();
    private final AtomicLong lateFailures = new AtomicLong();
    private final Object loadedSignal = new Object();
    private final Thread committerThread;
    private final Thread loaderThread;
    private long nextNumber;
    private volatile long journaled;
    private volatile long loaded;
    private volatile boolean hurry;
    private volatile String broken;
    private volatile boolean running = true;
    private volatile boolean loading = true;
    private long lastSweepMs;

    /** Connections for look-ups and checkpoints. */
    interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    JournalCommitter(StoreConfig config, WriteJournal journal, long nextNumber,
            BatchCommitter batches, HealthTracker health, ConnectionSource connections,
            Executor completion) {
        // No group commit window: a journal write costs microseconds (a database commit costs
        // milliseconds), so waiting for company only adds latency. Whatever queued while the
        // previous write ran still goes in one write. Paired runs at 1,000/s: p50 0.8 ms
        // without the 200 µs window, 1.4-1.5 ms with it (docs/benchmarks.md, sixth round).
        this.queue = new SubmissionQueue(config.withGroupCommit(0, config.groupCommitBatchMax()),
                health, completion);
        this.loadQueue = new ArrayBlockingQueue<>(config.submitQueueMax());
        this.journal = journal;
        this.batches = batches;
        this.health = health;
        this.connections = connections;
        this.completion = completion;
        this.nextNumber = nextNumber;
        this.journaled = nextNumber - 1;
        this.loaded = nextNumber - 1;
        this.committerThread = new Thread(this::commitLoop, "caspian-store-committer");
        this.committerThread.setDaemon(true);
        this.loaderThread = new Thread(this::loadLoop, "caspian-store-loader");
        this.loaderThread.setDaemon(true);
    }

    /**
     * Puts every record of {@code journal} into the tables, checkpoints the database and
     * deletes the segments. Before any committer starts.
     *
     * @return the number the next record takes
     * @throws StoreException when the journal is damaged or the database refuses
     */
    static long replay(WriteJournal journal, BatchCommitter batches,
            ConnectionSource connections, int batchMax) {
        List<WriteJournal.Entry> entries = journal.readAll();
        long last = 0;
        int failed = 0;
        for (int from = 0; from < entries.size(); from += batchMax) {
            List<Submission> batch = new ArrayList<>();
            for (WriteJournal.Entry e : entries.subList(from,
                    Math.min(entries.size(), from + batchMax))) {
                batch.add(new Submission(e.writes(), new CompletableFuture<>()));
                last = Math.max(last, e.number());
            }
            try {
                for (StoreException outcome : batches.commit(batch)) {
                    failed += outcome == null ? 0 : 1;
                }
            } catch (BatchFailure f) {
                throw new StoreException(f.failure(), "replaying the journal: "
                        + f.getMessage(), f);
            }
        }
        checkpoint(connections);
        journal.deleteAll();
        if (!entries.isEmpty()) {
            LOG.info("journal replayed: {} submissions up to number {} ({} refused again, "
                    + "as they were when first loaded)", entries.size(), last, failed);
        }
        return last + 1;
    }

    void start() {
        journal.start(nextNumber);
        committerThread.start();
        loaderThread.start();
    }

    @Override
    public CompletableFuture<Void> submit(List<StoreWrite> writes) {
        return queue.submit(writes);
    }

    @Override
    public void awaitLoaded() {
        long target = journaled;
        if (loaded >= target) {
            return;
        }
        hurry = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (loadedSignal) {
            while (loaded < target) {
                long waitMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMs <= 0 || !loaderThread.isAlive()) {
                    throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                            "the tables are " + (target - loaded) + " submissions behind "
                                    + "the journal; " + health.downDetail());
                }
                try {
                    loadedSignal.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                            "interrupted waiting for the loader");
                }
            }
        }
    }

    @Override
    public int queueDepth() {
        return queue.size() + loadQueue.size();
    }

    @Override
    public long uncaughtFailures() {
        return uncaught.get();
    }

    @Override
    public long lateFailures() {
        return lateFailures.get();
    }

    @Override
    public long loadBacklog() {
        return Math.max(0, journaled - loaded);
    }

    @Override
    public boolean isAlive() {
        return committerThread.isAlive() && loaderThread.isAlive();
    }

    // ---- committer thread ----

    private void commitLoop() {
        List<Submission> batch = new ArrayList<>(queue.batchMax());
        while (running || !queue.isEmpty()) {
            try {
                if (queue.nextGroup(batch, IDLE_POLL_MS)) {
                    journal(batch);
                }
            } catch (Throwable t) {
                uncaught.incrementAndGet();
                LOG.error("journal committer failed a batch of {}", batch.size(), t);
                queue.fail(batch, StoreFailure.DATABASE_UNAVAILABLE, "committer failure: " + t);
            } finally {
                batch.clear();
            }
        }
    }

    private void journal(List<Submission> batch) throws InterruptedException {
        if (broken != null) {
            queue.fail(batch, StoreFailure.DATABASE_UNAVAILABLE, broken);
            return;
        }
        long nowMs = System.currentTimeMillis();
        List<Journaled> accepted = new ArrayList<>(batch.size());
        List<byte[]> payloads = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            StoreException refused;
            try {
                refused = check(s.writes(), nextNumber, nowMs);
            } catch (SQLException e) {
                refused = new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                        "checking a transition: " + Jdbc.describe(e), e);
            }
            if (refused != null) {
                health.countFailed(1);
                StoreException why = refused;
                completion.execute(() -> s.future().completeExceptionally(why));
                continue;
            }
            payloads.add(JournalCodec.encode(s.writes()));
            accepted.add(new Journaled(nextNumber++, s, completesOnLoad(s.writes())));
        }
        if (accepted.isEmpty()) {
            return;
        }
        try {
            journal.append(payloads, accepted.get(0).number());
        } catch (IOException | RuntimeException e) {
            // The journal is the only durable copy: after a failed write nothing may be
            // acknowledged again until a restart has replayed what the files hold.
            broken = "journal write failed: " + e.getMessage() + "; restart the switch";
            LOG.error("store: {}", broken, e);
            health.down(broken);
            for (Journaled j : accepted) {
                known.keySet().removeAll(ids(j.submission().writes()));
            }
            queue.fail(batch, StoreFailure.DATABASE_UNAVAILABLE, broken);
            return;
        }
        journaled = accepted.get(accepted.size() - 1).number();
        for (Journaled j : accepted) {
            if (j.completesOnLoad()) {
                hurry = true;
            } else {
                health.countCommitted(1);
                CompletableFuture<Void> future = j.submission().future();
                completion.execute(() -> future.complete(null));
            }
            loadQueue.put(j);
        }
    }

    /**
     * Null when every transition of the submission starts from the state its transaction
     * is in (or repeats an edge it already took: a replay); the submission's effect on
     * what is known is applied only then, all or nothing.
     */
    private StoreException check(List<StoreWrite> writes, long number, long nowMs)
            throws SQLException {
        Map<UUID, Known> changed = null;
        for (StoreWrite w : writes) {
            if (w instanceof StoreWrite.InsertTransaction i) {
                TransactionRecord t = i.transaction();
                if (changed == null) {
                    changed = new HashMap<>(4);
                }
                Known before = changed.containsKey(t.id()) ? changed.get(t.id())
                        : known.get(t.id());
                if (before != null && before.identity() != 0
                        && before.identity() != Known.identity(t)) {
                    return new StoreException(StoreFailure.CONFLICT, "transaction id "
                            + t.id() + " already holds a different transaction");
                }
                changed.put(t.id(), before != null ? before
                        : Known.inserted(t, number, nowMs));
            } else if (w instanceof StoreWrite.Transition t) {
                if (changed == null) {
                    changed = new HashMap<>(4);
                }
                Known k = changed.containsKey(t.transactionId()) ? changed.get(t.transactionId())
                        : current(t.transactionId(), t.from(), t.to(), nowMs);
                if (k == null) {
                    return new StoreException(StoreFailure.CONFLICT, "transaction "
                            + t.transactionId() + " does not exist");
                }
                if (k.state() == t.from()) {
                    changed.put(t.transactionId(), k.move(t.from(), t.to(), number, nowMs));
                } else if (!k.took(t.from(), t.to())) {
                    return new StoreException(StoreFailure.CONFLICT, "transaction "
                            + t.transactionId() + " is " + k.state() + ", not " + t.from()
                            + " (wanted " + t.to() + ")");
                }
            }
        }
        if (changed != null) {
            for (Map.Entry<UUID, Known> e : changed.entrySet()) {
                known.put(e.getKey(), e.getValue().touched(number, nowMs));
            }
        }
        return null;
    }

    /** The state as this committer knows it, else as the tables hold it; null if none. */
    private Known current(UUID id, TransactionState from, TransactionState to, long nowMs)
            throws SQLException {
        Known remembered = known.get(id);
        if (remembered != null) {
            return remembered;
        }
        try (Connection c = connections.connect();
                PreparedStatement s = c.prepareStatement(TransitionWriter.CURRENT)) {
            s.setString(1, from.name());
            s.setString(2, to.name());
            s.setObject(3, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Known k = Known.fresh(TransactionState.valueOf(r.getString(1)), 0, nowMs);
                // The edge asked about, if taken, is all a replay check needs.
                return r.getLong(2) > 0 ? k.withEdge(from, to) : k;
            }
        }
    }

    /**
     * Submissions the database alone can judge (an original that must exist, an owed item,
     * a business date) complete once loaded, with its verdict.
     */
    private static boolean completesOnLoad(List<StoreWrite> writes) {
        for (StoreWrite w : writes) {
            if (w instanceof StoreWrite.InsertTransaction i) {
                if (i.transaction().originalId() != null) {
                    return true;
                }
            } else if (!(w instanceof StoreWrite.Transition)) {
                return true;
            }
        }
        return false;
    }

    private static List<UUID> ids(List<StoreWrite> writes) {
        List<UUID> ids = new ArrayList<>();
        for (StoreWrite w : writes) {
            if (w instanceof StoreWrite.InsertTransaction i) {
                ids.add(i.transaction().id());
            } else if (w instanceof StoreWrite.Transition t) {
                ids.add(t.transactionId());
            }
        }
        return ids;
    }

    // ---- loader thread ----

    private void loadLoop() {
        List<Journaled> batch = new ArrayList<>();
        while (loading || !loadQueue.isEmpty()) {
            try {
                Journaled first = loadQueue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    sweepKnown();
                    continue;
                }
                batch.add(first);
                gatherLoad(batch);
                load(batch);
                releaseSegments();
                sweepKnown();
            } catch (Throwable t) {
                uncaught.incrementAndGet();
                LOG.error("journal loader failed a batch of {}", batch.size(), t);
            } finally {
                batch.clear();
            }
        }
    }

    private void gatherLoad(List<Journaled> batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_INTERVAL_MS);
        loadQueue.drainTo(batch, LOAD_BATCH_MAX - batch.size());
        while (batch.size() < LOAD_BATCH_MAX && !hurry && running) {
            long waitNanos = deadline - System.nanoTime();
            if (waitNanos <= 0) {
                break;
            }
            Journaled next = loadQueue.poll(Math.min(waitNanos,
                    TimeUnit.MILLISECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
                loadQueue.drainTo(batch, LOAD_BATCH_MAX - batch.size());
            }
        }
        hurry = false;
        loadQueue.drainTo(batch, LOAD_BATCH_MAX - batch.size());
    }

    /** One database transaction for the batch; retried until the database takes it. */
    private void load(List<Journaled> batch) throws InterruptedException {
        List<Submission> submissions = new ArrayList<>(batch.size());
        for (Journaled j : batch) {
            submissions.add(j.submission());
        }
        StoreException[] outcomes;
        while (true) {
            try {
                outcomes = batches.commit(submissions);
                health.up();
                health.countCommit();
                break;
            } catch (BatchFailure f) {
                // Nothing is lost: the journal holds the batch. Queries wait meanwhile.
                health.down(f.getMessage());
                LOG.warn("loading {} journaled submissions failed, retrying: {} {}",
                        batch.size(), f.failure(), f.getMessage());
                if (!running && !loading) {
                    return;
                }
                Thread.sleep(LOAD_RETRY_MS);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            Journaled j = batch.get(i);
            StoreException outcome = outcomes[i];
            if (j.completesOnLoad()) {
                CompletableFuture<Void> future = j.submission().future();
                if (outcome == null) {
                    health.countCommitted(1);
                    completion.execute(() -> future.complete(null));
                } else {
                    health.countFailed(1);
                    completion.execute(() -> future.completeExceptionally(outcome));
                }
            } else if (outcome != null) {
                lateFailures.incrementAndGet();
                LOG.error("journaled submission {} was refused by the database when loaded"
                        + " ({}: {}); the journal keeps it until the next checkpoint",
                        j.number(), outcome.failure(), outcome.getMessage());
            }
            if (outcome != null) {
                // What the committer believed of these transactions is not what the
                // tables hold: forget it, and ask the tables next time.
                known.keySet().removeAll(ids(j.submission().writes()));
            }
        }
        synchronized (loadedSignal) {
            loaded = batch.get(batch.size() - 1).number();
            loadedSignal.notifyAll();
        }
    }

    private void releaseSegments() {
        if (!journal.hasReleasable(loaded)) {
            return;
        }
        try {
            checkpoint(connections);
            journal.release(loaded);
        } catch (StoreException e) {
            LOG.warn("journal segments kept: {}", e.getMessage());
        }
    }

    /** Forgets transactions untouched for {@link #KNOWN_KEEP_MS} and already loaded. */
    private void sweepKnown() {
        long nowMs = System.currentTimeMillis();
        if (nowMs - lastSweepMs < 1_000) {
            return;
        }
        lastSweepMs = nowMs;
        long horizon = nowMs - KNOWN_KEEP_MS;
        long upTo = loaded;
        known.values().removeIf(k -> k.touchedMs() < horizon && k.number() <= upTo);
    }

    /** Makes the database file hold everything committed, on the device. */
    static void checkpoint(ConnectionSource connections) {
        try (Connection c = connections.connect(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "checkpoint failed: " + Jdbc.describe(e), e);
        }
    }

    /** Journals what is queued, loads everything, checkpoints and deletes the journal. */
    @Override
    public void close() {
        queue.stopAccepting();
        running = false;
        join(committerThread);
        queue.failLeftovers();
        loading = false;
        join(loaderThread);
        journal.close();
        if (loadQueue.isEmpty() && broken == null && lateFailures.get() == 0) {
            try {
                checkpoint(connections);
                journal.deleteAll();
            } catch (StoreException e) {
                LOG.warn("journal kept for the next start: {}", e.getMessage());
            }
        }
    }

    private static void join(Thread t) {
        try {
            t.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
