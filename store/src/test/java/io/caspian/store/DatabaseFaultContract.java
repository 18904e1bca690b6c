package io.caspian.store;

import static io.caspian.store.StoreTestSupport.await;
import static io.caspian.store.StoreTestSupport.failureOf;
import static io.caspian.store.Transactions.insert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running store and comes back: writes fail fast with a
 * typed failure, health says down, the committer survives, and the store recovers by
 * itself. The network between store and database is cut with {@link TcpProxy}.
 */
abstract class DatabaseFaultContract {
    private static final long CONNECTION_TIMEOUT_MS = 500;
    private static final long PROBE_INTERVAL_MS = 200;

    private final Transactions transactions = new Transactions();

    /** A store config reaching the database through {@code proxyPort}. */
    abstract StoreConfig configThrough(int proxyPort);

    abstract String databaseHost();

    abstract int databasePort();

    @Test
    void writesFailFastWhileTheDatabaseIsAwayAndSucceedOnceItIsBack() throws Exception {
        try (TcpProxy proxy = new TcpProxy(databaseHost(), databasePort());
                TransactionStore store = TransactionStore.open(configThrough(proxy.port())
                        .withTimeouts(CONNECTION_TIMEOUT_MS, 2, PROBE_INTERVAL_MS),
                        Clock.systemUTC())) {
            TransactionRecord before = transactions.received(1_00);
            await(store.submit(insert(before)));
            assertThat(store.health().isUp()).isTrue();

            proxy.cut();

            long started = System.nanoTime();
            StoreFailure first = failureOf(store.submit(insert(transactions.received(2_00))));
            long firstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(first).isIn(StoreFailure.DATABASE_UNAVAILABLE,
                    StoreFailure.COMMIT_OUTCOME_UNKNOWN);
            // No hang: bounded by the connection timeout, plus slack for a loaded machine.
            assertThat(firstMs).isLessThan(CONNECTION_TIMEOUT_MS * 2 + 2_000);
            assertThat(store.health().isUp()).isFalse();
            assertThat(store.health().lastError()).isNotBlank();

            // While down, a burst fails at once instead of each waiting for a connection.
            started = System.nanoTime();
            List<CompletableFuture<Void>> burst = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                burst.add(store.submit(insert(transactions.received(i))));
            }
            for (CompletableFuture<Void> f : burst) {
                assertThat(failureOf(f)).isEqualTo(StoreFailure.DATABASE_UNAVAILABLE);
            }
            long burstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(burstMs).isLessThan(CONNECTION_TIMEOUT_MS * 3 + 2_000);

            proxy.restore();

            // Health comes back by itself, without a write to carry the probe.
            awaitUp(store, Duration.ofSeconds(15));
            TransactionRecord after = transactions.received(3_00);
            await(store.submit(insert(after)));
            assertThat(store.isCommitterAlive()).isTrue();
            assertThat(store.findById(before.id())).contains(before);
            assertThat(store.findById(after.id())).contains(after);
        }
    }

    @Test
    void aConnectionLostBetweenWritesCostsNoFailedWrite() throws Exception {
        try (TcpProxy proxy = new TcpProxy(databaseHost(), databasePort());
                TransactionStore store = TransactionStore.open(configThrough(proxy.port())
                        .withTimeouts(CONNECTION_TIMEOUT_MS, 2, PROBE_INTERVAL_MS),
                        Clock.systemUTC())) {
            await(store.submit(insert(transactions.received(1_00))));
            // Every pooled connection dies, and the network is back before the next write.
            proxy.cut();
            proxy.restore();

            TransactionRecord next = transactions.received(2_00);
            await(store.submit(insert(next)));

            assertThat(store.findById(next.id())).contains(next);
            assertThat(store.health().failed()).isZero();
        }
    }

    @Test
    void queriesFailWithATypedFailureWhileTheDatabaseIsAway() throws Exception {
        try (TcpProxy proxy = new TcpProxy(databaseHost(), databasePort());
                TransactionStore store = TransactionStore.open(configThrough(proxy.port())
                        .withTimeouts(CONNECTION_TIMEOUT_MS, 2, PROBE_INTERVAL_MS),
                        Clock.systemUTC())) {
            proxy.cut();
            StoreException thrown = null;
            try {
                store.unresolved();
            } catch (StoreException e) {
                thrown = e;
            }
            assertThat(thrown).isNotNull();
            assertThat(thrown.failure()).isEqualTo(StoreFailure.DATABASE_UNAVAILABLE);
            proxy.restore();
            awaitUp(store, Duration.ofSeconds(15));
            assertThat(store.unresolved()).isEmpty();
        }
    }

    private static void awaitUp(TransactionStore store, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!store.health().isUp() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.health().isUp()).as("store health after restore").isTrue();
    }
}
