package io.caspian.store;

import static io.caspian.store.Transactions.T0;
import static io.caspian.store.Transactions.insert;
import static io.caspian.store.Transactions.move;
import static io.caspian.store.Transactions.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batched fast path gives what running every write one after another would: one
 * batch of many submissions is handed to {@link BatchCommitter} directly, so its contents
 * are exactly what the test says. Both databases.
 */
abstract class PlannedBatchContract {
    private final Transactions transactions = new Transactions();
    private TestDatabase database;
    private HikariDataSource pool;
    private BatchCommitter committer;
    private TransactionQueries rows;
    private RecordQueries records;

    abstract TestDatabase newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        pool = Database.pool(database.config());
        Database.migrate(pool);
        committer = new BatchCommitter(pool, 5);
        Queries queries = new Queries(pool, 5, () -> { });
        rows = new TransactionQueries(queries);
        records = new RecordQueries(queries);
    }

    @AfterEach
    void close() throws Exception {
        pool.close();
        database.close();
    }

    @Test
    void aRequestsInsertAndTransitionsBecomeOneRowWithItsWholeHistory() throws Exception {
        TransactionRecord t = transactions.received(100_00);
        TransactionRecord u = transactions.received(200_00);
        IssuerReference issuer = new IssuerReference("000042", "000000000042");
        Instant sentAt = T0.plusMillis(1_500);

        assertThat(commit(request(t, issuer, sentAt), request(u, issuer, sentAt)))
                .containsOnlyNulls();

        assertThat(committer.slowPathBatches()).isZero();
        assertThat(rows.byId(t.id())).contains(t.after(TransactionState.ROUTED, routed())
                .after(TransactionState.SENT, TransitionFields.sent(issuer)));
        assertThat(records.history(t.id())).extracting(StateChange::seq, StateChange::from,
                StateChange::to).containsExactly(
                        tuple(1, null, TransactionState.RECEIVED),
                        tuple(2, TransactionState.RECEIVED, TransactionState.ROUTED),
                        tuple(3, TransactionState.ROUTED, TransactionState.SENT));
        assertThat(updatedAt(t.id())).isEqualTo(sentAt);
        // state_seq counted all three, so the outcome is history entry 4.
        assertThat(commit(submission(move(t, TransactionState.SENT, TransactionState.APPROVED,
                TransitionFields.answered("00", "00", "123456"))))).containsOnlyNulls();
        assertThat(records.history(t.id())).last().extracting(StateChange::seq).isEqualTo(4);
    }

    @Test
    void transitionsOfOneBatchSetEveryFieldAsWriteByWriteWould() throws Exception {
        TransactionRecord routedOne = transactions.received(1_00);
        TransactionRecord stoodIn = transactions.received(2_00);
        TransactionRecord untouched = transactions.received(3_00);
        assertThat(commit(submission(insert(routedOne)), submission(insert(stoodIn)),
                submission(insert(untouched)))).containsOnlyNulls();
        TransitionFields converted = TransitionFields.routed(new Amount(1_234_000, 364, 0),
                new Amount(99_99, 978, 2), new java.math.BigDecimal("0.000123456789012"));
        // A stand-in after a timeout also records the advice's own numbering (V5).
        TransitionFields standIn = new TransitionFields(null, null, null, null, "00", null,
                "AB12CD", Boolean.TRUE,
                new AdviceReference("000321", T0.plusNanos(5_678_000L)));
        Instant at = T0.plusNanos(1_234_567_000L);

        assertThat(commit(submission(new StoreWrite.Transition(routedOne.id(),
                TransactionState.RECEIVED, TransactionState.ROUTED, "ROUTED", at, converted)),
                submission(new StoreWrite.Transition(stoodIn.id(), TransactionState.RECEIVED,
                        TransactionState.STOOD_IN, "ISSUER_UNAVAILABLE", at, standIn))))
                .containsOnlyNulls();

        assertThat(committer.slowPathBatches()).isZero();
        assertThat(rows.byId(routedOne.id()))
                .contains(routedOne.after(TransactionState.ROUTED, converted));
        assertThat(rows.byId(stoodIn.id()))
                .contains(stoodIn.after(TransactionState.STOOD_IN, standIn));
        assertThat(rows.byId(untouched.id())).contains(untouched);
        assertThat(records.history(stoodIn.id())).last()
                .extracting(StateChange::seq, StateChange::from, StateChange::cause,
                        StateChange::at)
                .containsExactly(2, TransactionState.RECEIVED, "ISSUER_UNAVAILABLE", at);
        assertThat(updatedAt(routedOne.id())).isEqualTo(at);
    }

    @Test
    void failingSubmissionsFailAloneAndTheRestOfTheBatchCommits() throws Exception {
        TransactionRecord received = transactions.received(1_00);
        TransactionRecord sent = transactions.received(2_00);
        assertThat(commit(submission(insert(received)), submission(insert(sent),
                move(sent, TransactionState.RECEIVED, TransactionState.SENT, null))))
                .containsOnlyNulls();
        TransactionRecord fresh = transactions.received(3_00);
        TransactionRecord reusedId = withId(transactions.received(999_00), received.id());
        TransactionRecord orphan = reversalOf(transactions.received(4_00), UUID.randomUUID());

        StoreException[] outcomes = commit(
                request(fresh, new IssuerReference("000043", null), T0),
                submission(move(sent, TransactionState.SENT, TransactionState.TIMED_OUT, null),
                        new StoreWrite.EnqueueSaf(owedReversal(sent))),
                submission(move(received, TransactionState.SENT, TransactionState.APPROVED,
                        null)),
                submission(insert(reusedId)),
                submission(insert(orphan)),
                submission(move(received, TransactionState.RECEIVED, TransactionState.ROUTED,
                        routed())));

        assertThat(Arrays.stream(outcomes).map(e -> e == null ? null : e.failure()))
                .containsExactly(null, null, StoreFailure.CONFLICT, StoreFailure.CONFLICT,
                        StoreFailure.WRITE_REJECTED, null);
        assertThat(committer.slowPathBatches()).isEqualTo(1);
        assertThat(rows.byId(fresh.id()).orElseThrow().state())
                .isEqualTo(TransactionState.SENT);
        assertThat(rows.byId(sent.id()).orElseThrow().state())
                .isEqualTo(TransactionState.TIMED_OUT);
        assertThat(records.safItem(sent.id(), SafKind.REVERSAL)).isPresent();
        assertThat(rows.byId(received.id())).contains(
                received.after(TransactionState.ROUTED, routed()));
        assertThat(rows.byId(orphan.id())).isEmpty();
    }

    @Test
    void aReplayAndTheWritesAfterItInOneBatchApplyAsWriteByWrite() throws Exception {
        TransactionRecord t = transactions.received(100_00);
        IssuerReference issuer = new IssuerReference("000044", null);
        assertThat(commit(request(t, issuer, T0))).containsOnlyNulls();

        // A flow replays its request after a restart, and the answer follows at once.
        assertThat(commit(request(t, issuer, T0), submission(move(t, TransactionState.SENT,
                TransactionState.APPROVED, TransitionFields.answered("00", "00", "1")))))
                .containsOnlyNulls();

        assertThat(records.history(t.id())).hasSize(4);
        assertThat(rows.byId(t.id()).orElseThrow().state())
                .isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void aReversalNeedsItsOriginalEarlierInTheBatchAsWriteByWriteWould() throws Exception {
        TransactionRecord original = transactions.received(100_00);
        TransactionRecord reversal = reversalOf(transactions.received(100_00), original.id());
        TransactionRecord early = transactions.received(50_00);
        TransactionRecord earlyReversal = reversalOf(transactions.received(50_00), early.id());

        StoreException[] outcomes = commit(submission(insert(original)),
                submission(insert(reversal)), submission(insert(earlyReversal)),
                submission(insert(early)));

        assertThat(Arrays.stream(outcomes).map(e -> e == null ? null : e.failure()))
                .containsExactly(null, null, StoreFailure.WRITE_REJECTED, null);
        assertThat(rows.byId(reversal.id())).contains(reversal);
        assertThat(rows.byId(earlyReversal.id())).isEmpty();
    }

    private StoreException[] commit(Submission... batch) throws BatchFailure {
        return committer.commit(List.of(batch));
    }

    private static Submission submission(StoreWrite... writes) {
        return new Submission(List.of(writes), new CompletableFuture<>());
    }

    /** What a flow submits before forwarding a request: recorded, routed, sent. */
    private static Submission request(TransactionRecord t, IssuerReference issuer,
            Instant sentAt) {
        return submission(insert(t),
                move(t, TransactionState.RECEIVED, TransactionState.ROUTED, routed()),
                new StoreWrite.Transition(t.id(), TransactionState.ROUTED,
                        TransactionState.SENT, "SENT", sentAt, TransitionFields.sent(issuer)));
    }

    private Instant updatedAt(UUID id) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT updated_at FROM card_transaction WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private static SafItem owedReversal(TransactionRecord t) {
        return SafItem.owed(t.id(), SafKind.REVERSAL, t.issuerScheme(), "0420", "4021",
                1_234_000, 364, T0);
    }

    private static TransactionRecord withId(TransactionRecord t, UUID id) {
        return new TransactionRecord(id, t.createdAt(), t.acquirerScheme(), t.issuerScheme(),
                t.channel(), t.mti(), t.processingCode(), t.pan(), t.acquirerAmount(), null,
                null, null, t.acquirer(), null, t.businessDate(), t.state(), null, null, null,
                false, null, Fees.NONE);
    }

    private static TransactionRecord reversalOf(TransactionRecord t, UUID originalId) {
        return new TransactionRecord(t.id(), t.createdAt(), t.acquirerScheme(),
                t.issuerScheme(), t.channel(), "0420", t.processingCode(), t.pan(),
                t.acquirerAmount(), null, null, null, t.acquirer(), null, t.businessDate(),
                t.state(), null, null, null, false, originalId, Fees.NONE);
    }
}
