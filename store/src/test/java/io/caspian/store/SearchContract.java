package io.caspian.store;

import static io.caspian.store.StoreTestSupport.await;
import static io.caspian.store.Transactions.T0;
import static io.caspian.store.Transactions.insert;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.Pan;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's search and message records; run against H2 and PostgreSQL. */
abstract class SearchContract {
    private static final String OTHER_PAN = "2200123456789017";
    private TestDatabase database;
    private TransactionStore store;
    private final Transactions transactions = new Transactions();

    abstract TestDatabase newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        store = TransactionStore.open(database.config(), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        try {
            store.close();
        } finally {
            database.close();
        }
    }

    private static TransactionSearch by(String last4, Long min, Long max, String rrn) {
        return new TransactionSearch(null, null, null, null, null, null, last4, rrn, null, null,
                null, min, max, 50);
    }

    @Test
    void findsByLastFourHashRrnAmountAndDirection() {
        TransactionRecord a = transactions.received(Transactions.PAN, 100_00, T0);
        TransactionRecord b = transactions.received(Transactions.PAN, 900_00,
                T0.plusSeconds(5));
        TransactionRecord c = transactions.received(OTHER_PAN, 500_00, T0.plusSeconds(10));
        await(store.submit(insert(a), insert(b), insert(c)));

        assertThat(store.search(by("7890", null, null, null))).extracting(TransactionRecord::id)
                .containsExactly(b.id(), a.id());
        assertThat(store.search(by(null, 400_00L, 950_00L, null)))
                .extracting(TransactionRecord::id).containsExactly(c.id(), b.id());
        assertThat(store.search(by(null, null, null, a.acquirer().rrn())))
                .extracting(TransactionRecord::id).containsExactly(a.id());
        TransactionSearch byHash = new TransactionSearch(T0, T0.plusSeconds(6), "mir", "mir",
                "shetab", transactions.protector().lookupHash(Pan.of(Transactions.PAN)), null,
                null, a.acquirer().stan(), null, TransactionState.RECEIVED, null, null, 10);
        assertThat(store.search(byHash)).extracting(TransactionRecord::id)
                .containsExactly(a.id());
        TransactionSearch otherWay = new TransactionSearch(null, null, null, "shetab", "mir",
                null, null, null, null, null, null, null, null, 10);
        assertThat(store.search(otherWay)).isEmpty();
        TransactionSearch approved = new TransactionSearch(null, null, null, null, null, null,
                null, null, null, null, TransactionState.APPROVED, null, null, 10);
        assertThat(store.search(approved)).isEmpty();
    }

    @Test
    void messageRecordsAreWrittenAndFoundByLinkAndTraceNumbers() throws InterruptedException {
        Instant at = Instant.now();
        MessageRecord in = new MessageRecord(UUID.randomUUID(), at, "mir",
                MessageRecord.Direction.IN, "0200", "000101", "507312000101", null,
                "0200 2=220012******0019 11=000101");
        MessageRecord out = new MessageRecord(UUID.randomUUID(), at.plusMillis(7), "mir",
                MessageRecord.Direction.OUT, "0210", "000101", "507312000101", "00",
                "0210 11=000101 39=00");
        MessageRecord elsewhere = new MessageRecord(UUID.randomUUID(), at, "shetab",
                MessageRecord.Direction.OUT, "1200", "000101", null, null, "1200");
        assertThat(store.journal(() -> in)).isTrue();
        assertThat(store.journal(() -> out)).isTrue();
        assertThat(store.journal(() -> elsewhere)).isTrue();
        long deadline = System.currentTimeMillis() + 10_000;
        while (store.journalStats().written() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        List<MessageRecord> found = store.messages("mir", "000101", null, at.minusSeconds(1),
                at.plusSeconds(1));
        assertThat(found).containsExactly(in, out);
        assertThat(store.messages("mir", "999999", "507312000101", at.minusSeconds(1),
                at.plusSeconds(1))).containsExactly(in, out);
        assertThat(store.messages("mir", "000101", null, at.plusSeconds(1),
                at.plusSeconds(2))).isEmpty();
        assertThat(store.journalStats().dropped()).isZero();
    }
}
