package io.caspian.store;

import static io.caspian.store.Transactions.insert;
import static io.caspian.store.Transactions.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's write-ahead journal: what a crash leaves in it reaches the tables at
 * the next start, a torn end is ignored, damage elsewhere stops the start.
 *
 * <pre>
 * journal/00000000000000000001.wal: insert t1 | t1 RECEIVED->ROUTED | insert t2
 *   (the switch died before its loader ran)
 * open  -> t1 ROUTED with history 1, 2; t2 RECEIVED; journal segments deleted
 * </pre>
 */
class WriteJournalTest {
    private final Transactions transactions = new Transactions();
    private final TestDatabase database = TestDatabase.h2WithJournal();
    private final Path dir = database.config().journalDir();
    private TransactionStore store;

    @AfterEach
    void drop() throws Exception {
        if (store != null) {
            store.close();
        }
        database.close();
    }

    /** Writes records as the committer would have, without any loader running. */
    private void journalWithoutLoading(long first, List<List<StoreWrite>> submissions)
            throws IOException {
        WriteJournal journal = WriteJournal.in(dir, false);
        journal.start(first);
        List<byte[]> payloads = submissions.stream().map(JournalCodec::encode).toList();
        journal.append(payloads, first);
        journal.close();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private int historyRows(TransactionRecord t) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM transaction_state_change"
                        + " WHERE transaction_id = '" + t.id() + "'")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void whatTheJournalHoldsReachesTheTablesAtTheNextStart() throws Exception {
        TransactionRecord t1 = transactions.received(100_00);
        TransactionRecord t2 = transactions.received(200_00);
        journalWithoutLoading(1, List.of(List.of(insert(t1)),
                List.of(move(t1, TransactionState.RECEIVED, TransactionState.ROUTED,
                        Transactions.routed())),
                List.of(insert(t2))));

        store = TransactionStore.open(database.config(), Clock.systemUTC());

        assertThat(store.findById(t1.id()).orElseThrow().state())
                .isEqualTo(TransactionState.ROUTED);
        assertThat(store.history(t1.id())).extracting(StateChange::seq).containsExactly(1, 2);
        assertThat(store.findById(t2.id()).orElseThrow().state())
                .isEqualTo(TransactionState.RECEIVED);
        assertThat(segments()).hasSize(1);
    }

    @Test
    void aReplayOfWritesAlreadyLoadedChangesNothing() throws Exception {
        TransactionRecord t = transactions.received(100_00);
        List<StoreWrite> first = List.of(insert(t));
        List<StoreWrite> second = List.of(move(t, TransactionState.RECEIVED,
                TransactionState.ROUTED, Transactions.routed()));
        store = TransactionStore.open(database.config(), Clock.systemUTC());
        store.submit(first).join();
        store.submit(second).join();
        store.close();
        store = null;
        journalWithoutLoading(1, List.of(first, second));

        store = TransactionStore.open(database.config(), Clock.systemUTC());

        assertThat(store.findById(t.id()).orElseThrow().state())
                .isEqualTo(TransactionState.ROUTED);
        assertThat(historyRows(t)).isEqualTo(2);
    }

    @Test
    void aTornEndIsIgnoredAndTheRecordsBeforeItLoad() throws Exception {
        TransactionRecord t = transactions.received(100_00);
        journalWithoutLoading(1, List.of(List.of(insert(t))));
        Path segment = segments().get(0);
        // Half a record: a header announcing 300 bytes, then 20 of them.
        byte[] torn = new byte[36];
        torn[3] = 44;
        torn[2] = 1;
        Files.write(segment, torn, StandardOpenOption.APPEND);

        store = TransactionStore.open(database.config(), Clock.systemUTC());

        assertThat(store.findById(t.id())).isPresent();
    }

    @Test
    void damageBeforeTheLastSegmentStopsTheStart() throws Exception {
        TransactionRecord t1 = transactions.received(100_00);
        TransactionRecord t2 = transactions.received(200_00);
        journalWithoutLoading(1, List.of(List.of(insert(t1))));
        journalWithoutLoading(2, List.of(List.of(insert(t2))));
        Path first = segments().stream().sorted().findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length - 1] ^= 0x5a;
        Files.write(first, bytes);

        assertThatThrownBy(() -> TransactionStore.open(database.config(), Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(first.getFileName().toString())
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aRequestAndItsAnswerLoadedTogetherAreOneRowWithTheWholeHistory() throws Exception {
        store = TransactionStore.open(database.config(), Clock.systemUTC());
        TransactionRecord t = transactions.received(100_00);
        store.submit(insert(t), move(t, TransactionState.RECEIVED, TransactionState.ROUTED,
                Transactions.routed())).join();
        store.submit(move(t, TransactionState.ROUTED, TransactionState.SENT, null)).join();
        store.submit(move(t, TransactionState.SENT, TransactionState.APPROVED, null)).join();

        TransactionRecord stored = store.findById(t.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(store.history(t.id())).extracting(StateChange::to).containsExactly(
                TransactionState.RECEIVED, TransactionState.ROUTED, TransactionState.SENT,
                TransactionState.APPROVED);
        assertThat(store.submit(move(t, TransactionState.SENT, TransactionState.DECLINED,
                null))).failsWithin(java.time.Duration.ofSeconds(5));
    }

    @Test
    void afterARestartTransitionsAreCheckedAgainstTheTables() throws Exception {
        TransactionRecord t = transactions.received(100_00);
        store = TransactionStore.open(database.config(), Clock.systemUTC());
        store.submit(insert(t)).join();
        store.close();
        store = TransactionStore.open(database.config(), Clock.systemUTC());

        assertThat(store.submit(move(t, TransactionState.ROUTED, TransactionState.SENT, null)))
                .failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(StoreException.class)
                .withMessageContaining("is RECEIVED, not ROUTED");
        store.submit(move(t, TransactionState.RECEIVED, TransactionState.ROUTED,
                Transactions.routed())).join();
        assertThat(store.findById(t.id()).orElseThrow().state())
                .isEqualTo(TransactionState.ROUTED);
    }
    /**
     * A transaction's writes keep their order through the committer's check and the journal,
     * also when many threads submit at once without waiting for their futures: four threads
     * each send insert, routed, sent, approved for 100 transactions.
     */
    @Test
    void pipelinedSubmissionsFromManyThreadsKeepTheirOrder() throws Exception {
        store = TransactionStore.open(database.config(), Clock.systemUTC());
        int threads = 4;
        int each = 100;
        List<TransactionRecord> all = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> futures =
                new CopyOnWriteArrayList<>();
        ExecutorService pool =
                Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        TransactionRecord t = transactions.received(2_00 + i);
                        all.add(t);
                        futures.add(store.submit(insert(t)));
                        futures.add(store.submit(move(t, TransactionState.RECEIVED,
                                TransactionState.ROUTED, Transactions.routed())));
                        futures.add(store.submit(move(t, TransactionState.ROUTED,
                                TransactionState.SENT, null)));
                        futures.add(store.submit(move(t, TransactionState.SENT,
                                TransactionState.APPROVED, null)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (CompletableFuture<Void> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(all).hasSize(threads * each);
        for (TransactionRecord t : all) {
            assertThat(store.findById(t.id()).orElseThrow().state())
                    .isEqualTo(TransactionState.APPROVED);
            assertThat(historyRows(t)).isEqualTo(4);
        }
    }
}
