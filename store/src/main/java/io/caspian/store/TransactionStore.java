package io.caspian.store;

import com.zaxxer.hikari.HikariDataSource;
import io.caspian.store.pan.PanHash;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The system of record: durable writes through one group committer, and the queries flows,
 * recovery, clearing and the console need. Thread-safe.
 *
 * <p>Writes: {@link #submit(List)} returns a future that completes after the commit holding
 * the writes, so an approval is sent only once durable (DESIGN.md I1); on any failure it
 * completes exceptionally with a {@link StoreException} naming a {@link StoreFailure}.
 * Queries run on the pool, throw {@link StoreException} when the database cannot answer, and
 * see committed data only.
 */
public final class TransactionStore implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Committer committer;
    private final HealthTracker health;
    private final TransactionQueries transactions;
    private final RecordQueries records;
    private final ClearingLedger clearing;
    private final SearchQueries search;
    private final MessageJournal journal;
    private final LongAdder commitNanos = new LongAdder();
    private final LongAdder commitCount = new LongAdder();

    private TransactionStore(HikariDataSource dataSource, Committer committer,
            HealthTracker health, Queries queries) {
        this.dataSource = dataSource;
        this.committer = committer;
        this.health = health;
        this.transactions = new TransactionQueries(queries);
        this.records = new RecordQueries(queries);
        this.clearing = new ClearingLedger(dataSource, queries);
        this.search = new SearchQueries(queries);
        this.journal = new MessageJournal(dataSource);
        journal.start();
    }

    /**
     * Connects, migrates the schema and starts the committer. Futures complete on the
     * committer thread: chain with the {@code *Async} stages, or use
     * {@link #open(StoreConfig, Clock, Executor)}, so that nothing slow runs there.
     *
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static TransactionStore open(StoreConfig config, Clock clock) {
        return open(config, clock, Runnable::run);
    }

    /** As {@link #open(StoreConfig, Clock)}, completing futures on {@code completion}. */
    public static TransactionStore open(StoreConfig config, Clock clock, Executor completion) {
        HikariDataSource dataSource = Database.pool(config);
        try {
            Database.migrate(dataSource);
            HealthTracker health = new HealthTracker(clock, config.reconnectProbeIntervalMs());
            BatchCommitter batches = new BatchCommitter(dataSource, config.queryTimeoutSeconds());
            Committer committer = config.journalDir() == null
                    ? groupCommitter(config, batches, health, dataSource, completion)
                    : journalCommitter(config, batches, health, dataSource, completion);
            return new TransactionStore(dataSource, committer, health,
                    new Queries(dataSource, config.queryTimeoutSeconds(),
                            committer::awaitLoaded));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static Committer groupCommitter(StoreConfig config, BatchCommitter batches,
            HealthTracker health, HikariDataSource dataSource, Executor completion) {
        GroupCommitter committer = new GroupCommitter(config, batches, health,
                dataSource::getConnection, completion);
        committer.start();
        return committer;
    }

    /** Replays what the journal holds into the tables first, then journals from there. */
    private static Committer journalCommitter(StoreConfig config, BatchCommitter batches,
            HealthTracker health, HikariDataSource dataSource, Executor completion) {
        WriteJournal journal = WriteJournal.in(config.journalDir(), config.journalFsync());
        long next = JournalCommitter.replay(journal, batches, dataSource::getConnection,
                config.groupCommitBatchMax());
        JournalCommitter committer = new JournalCommitter(config, journal, next, batches,
                health, dataSource::getConnection, completion);
        committer.start();
        return committer;
    }

    /**
     * Writes durable together, in order, shared with other submissions: one database
     * commit, or (the embedded store) one write of the journal.
     */
    public CompletableFuture<Void> submit(List<StoreWrite> writes) {
        long started = System.nanoTime();
        CompletableFuture<Void> done = committer.submit(writes);
        done.whenComplete((ok, error) -> {
            commitNanos.add(System.nanoTime() - started);
            commitCount.increment();
        });
        return done;
    }

    public CompletableFuture<Void> submit(StoreWrite... writes) {
        return submit(Arrays.asList(writes));
    }

    /**
     * Submissions completed since start and the sum of their submit-to-durable times
     * (queue wait plus the group commit): their ratio is the mean commit latency a flow
     * waits for, which the console exports.
     */
    public CommitTiming commitTiming() {
        return new CommitTiming(commitCount.sum(), commitNanos.sum());
    }

    /** See {@link #commitTiming()}. */
    public record CommitTiming(long count, long nanosTotal) {
    }

    public StoreHealth health() {
        return health.snapshot(committer.queueDepth());
    }

    /**
     * The embedded store's write-ahead journal: submissions durable there and not yet in
     * the tables, and those the database refused when they were loaded (each logged as an
     * error: a flow bug). Both 0 on PostgreSQL, which has no journal.
     */
    public JournalLag journalLag() {
        return new JournalLag(committer.loadBacklog(), committer.lateFailures());
    }

    /** See {@link #journalLag()}. */
    public record JournalLag(long backlog, long lateFailures) {
    }

    /** Whether the committer thread runs; false only after {@link #close()}. */
    public boolean isCommitterAlive() {
        return committer.isAlive();
    }

    public Optional<TransactionRecord> findById(UUID id) {
        return transactions.byId(id);
    }

    /** A card's transactions created in {@code [from, to)}, oldest first. */
    public List<TransactionRecord> findByPanHash(PanHash hash, Instant from, Instant to) {
        return transactions.byPanHash(hash, from, to);
    }

    /** By the acquirer's retrieval reference number (DE 37), oldest first. */
    public List<TransactionRecord> findByAcquirerRrn(String acquirerScheme, String rrn) {
        return transactions.byAcquirerRrn(acquirerScheme, rrn);
    }

    /**
     * By the acquirer's trace key: STAN and transmission time, the key ISO 8583 uses to
     * tell a repeat from a new message; oldest first.
     */
    public List<TransactionRecord> findByAcquirerTrace(String acquirerScheme, String stan,
            String transmissionTime) {
        return transactions.byAcquirerTrace(acquirerScheme, stan, transmissionTime);
    }

    /** By our own trace number on the issuer link, created at or after {@code since}. */
    public List<TransactionRecord> findByIssuerStan(String issuerScheme, String stan,
            Instant since) {
        return transactions.byIssuerStan(issuerScheme, stan, since);
    }

    /** Everything created at or after {@code since}: seeds duplicate detection on start. */
    public List<TransactionRecord> createdSince(Instant since) {
        return transactions.createdSince(since);
    }

    /**
     * Recovery on start: transactions in a state that is not resolved (sent and not
     * answered, timed out, reversal or advice owed), oldest first.
     */
    public List<TransactionRecord> unresolved() {
        return transactions.unresolved();
    }

    /** One transaction's state history, in order. */
    public List<StateChange> history(UUID transactionId) {
        return records.history(transactionId);
    }

    /** Reversals and advices still owed, soonest due first, at most {@code limit}. */
    public List<SafItem> pendingSaf(int limit) {
        return records.pendingSaf(limit);
    }

    /** Owed items whose next attempt is at or before {@code at}, soonest first. */
    public List<SafItem> dueSaf(Instant at, int limit) {
        return records.dueSaf(at, limit);
    }

    public Optional<SafItem> safItem(UUID transactionId, SafKind kind) {
        return records.safItem(transactionId, kind);
    }

    /** Every card's counter on one business date, counting transactions in {@code states}. */
    public List<CardDailyCounter> dailyCounters(LocalDate businessDate,
            Set<TransactionState> states) {
        return transactions.dailyCounters(null, businessDate, states);
    }

    /** One card's counters on one business date, one per acquirer currency. */
    public List<CardDailyCounter> dailyCounters(PanHash hash, LocalDate businessDate,
            Set<TransactionState> states) {
        return transactions.dailyCounters(hash, businessDate, states);
    }

    /**
     * Net standing debits per issuing scheme over the whole store, summed by the database
     * (the settlement positions' basis; see {@code TransactionQueries.standingDebits}).
     *
     * @param debitingTypes the first two digits of the processing codes that debit the
     *     cardholder
     */
    public Map<String, Long> standingDebits(Set<String> debitingTypes) {
        return transactions.standingDebits(debitingTypes);
    }

    /**
     * Each card's standing original requests towards {@code issuerScheme} created in
     * [{@code from}, {@code to}), of a debiting type: a day's velocity and stand-in usage.
     */
    public List<CardUsage> cardUsage(String issuerScheme, Instant from, Instant to,
            Set<String> debitingTypes) {
        return transactions.cardUsage(issuerScheme, from, to, debitingTypes);
    }

    /** The scheme's latest open business date, if it has one. */
    public Optional<LocalDate> currentBusinessDate(String scheme) {
        return records.currentBusinessDate(scheme);
    }

    /** Clearing's tables: files, items, disputes, settlement (batch writes, own commits). */
    public ClearingLedger clearing() {
        return clearing;
    }

    /** Operator actions recorded in {@code [from, to)}, in order. */
    public List<AuditEntry> auditTrail(Instant from, Instant to) {
        return records.auditTrail(from, to);
    }

    /**
     * Queues one message record for the trace. The supplier runs on the journal's own
     * thread, so the caller pays for the enqueue only; records are written in batches
     * beside the group committer, never delaying or failing an outcome's commit. Returns
     * false when the journal's queue is full and the record was dropped (counted).
     */
    public boolean journal(Supplier<MessageRecord> message) {
        return journal.offer(message);
    }

    /** Message records written, dropped, and waiting, since start. */
    public JournalStats journalStats() {
        return new JournalStats(journal.written(), journal.dropped(), journal.queueDepth());
    }

    /** The message journal's counters. */
    public record JournalStats(long written, long dropped, int queueDepth) {
    }

    /** Transactions matching every given criterion, newest first. */
    public List<TransactionRecord> search(TransactionSearch criteria) {
        return search.search(criteria);
    }

    /**
     * Messages recorded on one link in {@code [from, to)} carrying the STAN or the RRN, in
     * the order they crossed it.
     */
    public List<MessageRecord> messages(String link, String stan, String rrn, Instant from,
            Instant to) {
        return search.messages(link, stan, rrn, from, to);
    }

    /** Commits what is queued, stops the committer and closes the pool. */
    @Override
    public void close() {
        try {
            committer.close();
            journal.close();
        } finally {
            dataSource.close();
        }
    }
}
