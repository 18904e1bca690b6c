package io.caspian.store;

import static io.caspian.store.Transactions.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A journal that can no longer be written: nothing more is acknowledged, the store says
 * why, and what was acknowledged before is still there at the next start.
 *
 * <pre>
 * insert t1 -> journaled, acknowledged
 * (the journal's file is gone from under the committer)
 * insert t2 -> DATABASE_UNAVAILABLE "journal write failed ... restart the switch"
 * insert t3 -> the same, at once; health DOWN with the reason
 * restart   -> t1 in the tables, t2 and t3 nowhere
 * </pre>
 */
class JournalFailureTest {
    private final Transactions transactions = new Transactions();
    private final TestDatabase database = TestDatabase.h2WithJournal();
    private HikariDataSource pool;
    private JournalCommitter committer;

    @AfterEach
    void drop() throws Exception {
        if (committer != null) {
            committer.close();
        }
        if (pool != null) {
            pool.close();
        }
        database.close();
    }

    private static StoreFailure failureOf(CompletableFuture<Void> f) {
        assertThat(f).failsWithin(Duration.ofSeconds(5));
        try {
            f.get();
            throw new AssertionError("expected the write to fail");
        } catch (ExecutionException e) {
            return ((StoreException) e.getCause()).failure();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void afterAFailedJournalWriteNothingIsAcknowledgedUntilARestart() throws Exception {
        StoreConfig config = database.config();
        pool = Database.pool(config);
        Database.migrate(pool);
        HealthTracker health = new HealthTracker(Clock.systemUTC(), 1_000);
        BatchCommitter batches = new BatchCommitter(pool, 5);
        WriteJournal journal = WriteJournal.in(config.journalDir(), false);
        long next = JournalCommitter.replay(journal, batches, pool::getConnection, 256);
        committer = new JournalCommitter(config, journal, next, batches, health,
                pool::getConnection, Runnable::run);
        committer.start();

        TransactionRecord t1 = transactions.received(100_00);
        committer.submit(List.of(insert(t1))).get();
        journal.close();

        TransactionRecord t2 = transactions.received(200_00);
        TransactionRecord t3 = transactions.received(300_00);
        assertThat(failureOf(committer.submit(List.of(insert(t2)))))
                .isEqualTo(StoreFailure.DATABASE_UNAVAILABLE);
        assertThat(failureOf(committer.submit(List.of(insert(t3)))))
                .isEqualTo(StoreFailure.DATABASE_UNAVAILABLE);
        StoreHealth h = health.snapshot(0);
        assertThat(h.isUp()).isFalse();
        assertThat(h.lastError()).contains("journal write failed").contains("restart");

        committer.close();
        committer = null;
        pool.close();
        pool = null;
        try (TransactionStore store = TransactionStore.open(config, Clock.systemUTC())) {
            assertThat(store.findById(t1.id())).isPresent();
            assertThat(store.findById(t2.id())).isEmpty();
            assertThat(store.findById(t3.id())).isEmpty();
        }
    }
}
