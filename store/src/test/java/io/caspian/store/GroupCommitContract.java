package io.caspian.store;

import static io.caspian.store.StoreTestSupport.await;
import static io.caspian.store.StoreTestSupport.failureOf;
import static io.caspian.store.Transactions.insert;
import static io.caspian.store.Transactions.move;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group committer's contract: batching, I1, overload and close. Both databases. */
abstract class GroupCommitContract {
    private TestDatabase database;
    private final Transactions transactions = new Transactions();

    abstract TestDatabase newDatabase();

    @BeforeEach
    void create() {
        database = newDatabase();
    }

    @AfterEach
    void drop() throws Exception {
        database.close();
    }

    @Test
    void concurrentSubmissionsShareCommits() throws Exception {
        int threads = 8;
        int perThread = 40;
        StoreConfig config = database.config().withGroupCommit(5_000, 64);
        try (TransactionStore store = TransactionStore.open(config, Clock.systemUTC())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            List<TransactionRecord> written = new ArrayList<>();
            List<java.util.concurrent.Future<List<CompletableFuture<Void>>>> submitted =
                    new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<TransactionRecord> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(transactions.received(1_00 + i));
                }
                written.addAll(mine);
                submitted.add(pool.submit(() -> {
                    start.await();
                    List<CompletableFuture<Void>> out = new ArrayList<>();
                    for (TransactionRecord record : mine) {
                        out.add(store.submit(insert(record)));
                    }
                    return out;
                }));
            }
            start.countDown();
            for (var s : submitted) {
                futures.addAll(s.get(20, TimeUnit.SECONDS));
            }
            futures.forEach(StoreTestSupport::await);
            pool.shutdown();

            StoreHealth health = store.health();
            assertThat(health.committed()).isEqualTo(threads * perThread);
            assertThat(health.failed()).isZero();
            // Grouping is the point: far fewer commits than submissions.
            assertThat(health.commits()).isLessThan(threads * perThread / 4);
            for (TransactionRecord record : written) {
                assertThat(store.findById(record.id())).contains(record);
            }
        }
    }

    @Test
    void batchMaxOfOneCommitsEachSubmissionAlone() {
        StoreConfig config = database.config().withGroupCommit(1_000, 1);
        try (TransactionStore store = TransactionStore.open(config, Clock.systemUTC())) {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(store.submit(insert(transactions.received(i))));
            }
            futures.forEach(StoreTestSupport::await);
            assertThat(store.health().commits()).isEqualTo(20);
        }
    }

    /** DESIGN.md I1: when the future completes, another session already sees the write. */
    @Test
    void aFutureCompletesOnlyOnceItsWriteIsCommitted() throws Exception {
        try (TransactionStore store = TransactionStore.open(database.config(),
                Clock.systemUTC()); Connection operator = database.connect()) {
            for (int i = 0; i < 20; i++) {
                TransactionRecord t = transactions.received(i);
                CompletableFuture<Boolean> visibleOnCompletion = store.submit(insert(t))
                        .thenApply(done -> existsInAnotherSession(operator, t));
                assertThat(visibleOnCompletion.get(20, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void aFullQueueFailsSubmitAtOnceAsOverloaded() throws Exception {
        StoreConfig config = database.config().withGroupCommit(0, 1).withSubmitQueueMax(4);
        try (TransactionStore store = TransactionStore.open(config, Clock.systemUTC());
                Connection operator = database.connect()) {
            TransactionRecord locked = transactions.received(1);
            await(store.submit(insert(locked)));
            // An operator session holds the row's lock, so the committer blocks on it.
            operator.setAutoCommit(false);
            try (PreparedStatement s = operator.prepareStatement(
                    "UPDATE card_transaction SET updated_at = updated_at WHERE id = ?")) {
                s.setObject(1, locked.id());
                s.executeUpdate();
            }
            CompletableFuture<Void> blocked = store.submit(move(locked,
                    TransactionState.RECEIVED, TransactionState.ROUTED, null));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.health().queueDepth() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // The committer now waits on the lock with the blocked write in hand.
            List<CompletableFuture<Void>> queued = new ArrayList<>();
            CompletableFuture<Void> refused = null;
            long refusedNanos = 0;
            for (int i = 0; i < 50 && refused == null; i++) {
                long before = System.nanoTime();
                CompletableFuture<Void> f = store.submit(insert(transactions.received(i)));
                if (f.isCompletedExceptionally()) {
                    refused = f;
                    refusedNanos = System.nanoTime() - before;
                } else {
                    queued.add(f);
                }
            }

            assertThat(refused).isNotNull();
            assertThat(failureOf(refused)).isEqualTo(StoreFailure.STORE_OVERLOADED);
            assertThat(refusedNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
            assertThat(queued).hasSize(4);
            operator.rollback();
            await(blocked);
            queued.forEach(StoreTestSupport::await);
        }
    }

    @Test
    void closeCommitsWhatIsQueuedThenRefusesWrites() {
        TransactionStore store = TransactionStore.open(
                database.config().withGroupCommit(20_000, 256), Clock.systemUTC());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(store.submit(insert(transactions.received(i))));
        }
        store.close();

        futures.forEach(StoreTestSupport::await);
        assertThat(failureOf(store.submit(insert(transactions.received(1)))))
                .isEqualTo(StoreFailure.STORE_CLOSED);
        assertThat(store.isCommitterAlive()).isFalse();
    }

    private static boolean existsInAnotherSession(Connection operator, TransactionRecord t) {
        try (PreparedStatement s = operator.prepareStatement(
                "SELECT COUNT(*) FROM card_transaction WHERE id = ?")) {
            s.setObject(1, t.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
