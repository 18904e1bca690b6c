package io.caspian.store;

import static io.caspian.store.StoreTestSupport.await;
import static io.caspian.store.StoreTestSupport.failureOf;
import static io.caspian.store.Transactions.BUSINESS_DATE;
import static io.caspian.store.Transactions.T0;
import static io.caspian.store.Transactions.insert;
import static io.caspian.store.Transactions.move;
import static io.caspian.store.Transactions.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.Pan;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes and queries of the store; run against H2 and PostgreSQL by the subclasses. */
abstract class TransactionStoreContract {
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

    @Test
    void aTransactionReadsBackFieldForField() {
        TransactionRecord full = new TransactionRecord(UUID.randomUUID(), T0, "shetab", "mir",
                Channel.ATM, "0200", "011000",
                transactions.protector().protect(Pan.of("2200123456789012345")),
                new Amount(5_000_000, 364, 0), new Amount(1_039_00, 643, 2),
                new Amount(1_039_00, 643, 2), new BigDecimal("0.002078000000001"),
                new AcquirerReference("000000123456", "123456789012", "ATM00042",
                        "MELLI0000000001", "6011", "603799", "20250314092653"),
                new IssuerReference("004711", "507300004711"), BUSINESS_DATE,
                TransactionState.SENT, "00", "00", "A1B2C3", true, null,
                new Fees(150L, 25L, 643));

        await(store.submit(insert(full)));

        assertThat(store.findById(full.id())).contains(full);
        assertThat(store.history(full.id())).containsExactly(new StateChange(full.id(), 1,
                null, TransactionState.SENT, "ACQUIRER_REQUEST", T0));
    }

    @Test
    void transitionsApplyTheirFieldsAndAppendHistory() {
        TransactionRecord t = transactions.received(100_00);
        IssuerReference ours = new IssuerReference("000000000042", "507300000042");
        await(store.submit(insert(t)));
        await(store.submit(move(t, TransactionState.RECEIVED, TransactionState.ROUTED,
                routed())));
        await(store.submit(move(t, TransactionState.ROUTED, TransactionState.SENT,
                TransitionFields.sent(ours))));
        TransitionFields answered = new TransitionFields(null, null, null, null, "00", "0000",
                "123456", null, new AdviceReference("000043", T0.plusSeconds(2)));
        await(store.submit(move(t, TransactionState.SENT, TransactionState.APPROVED,
                answered)));

        TransactionRecord expected = t.after(TransactionState.ROUTED, routed())
                .after(TransactionState.SENT, TransitionFields.sent(ours))
                .after(TransactionState.APPROVED, answered);
        assertThat(expected.advice()).isNotNull();
        assertThat(store.findById(t.id())).contains(expected);
        assertThat(store.findById(t.id()).orElseThrow().conversionRate())
                .isEqualByComparingTo("481.25");
        assertThat(store.history(t.id())).extracting(StateChange::seq, StateChange::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, TransactionState.RECEIVED),
                        org.assertj.core.groups.Tuple.tuple(2, TransactionState.ROUTED),
                        org.assertj.core.groups.Tuple.tuple(3, TransactionState.SENT),
                        org.assertj.core.groups.Tuple.tuple(4, TransactionState.APPROVED));
        assertThat(store.history(t.id()).get(3).from()).isEqualTo(TransactionState.SENT);
        assertThat(store.history(t.id()).get(3).cause()).isEqualTo("TEST_APPROVED");
    }

    @Test
    void aTransitionFromTheWrongStateIsAConflictAndChangesNothing() {
        TransactionRecord t = transactions.received(100_00);
        await(store.submit(insert(t)));

        StoreFailure failure = failureOf(store.submit(move(t, TransactionState.SENT,
                TransactionState.APPROVED, TransitionFields.answered("00", "00", "1"))));

        assertThat(failure).isEqualTo(StoreFailure.CONFLICT);
        assertThat(store.findById(t.id())).contains(t);
        assertThat(store.history(t.id())).hasSize(1);
    }

    @Test
    void aTransitionOfAnUnknownTransactionIsAConflict() {
        TransactionRecord never = transactions.received(1);
        assertThat(failureOf(store.submit(move(never, TransactionState.RECEIVED,
                TransactionState.ROUTED, null)))).isEqualTo(StoreFailure.CONFLICT);
    }

    @Test
    void aSubmissionIsAtomicOutcomeAndReversalTogetherOrNeither() {
        TransactionRecord t = transactions.received(100_00);
        await(store.submit(insert(t), move(t, TransactionState.RECEIVED,
                TransactionState.SENT, null)));

        // The timeout and its reversal are one submission; the third write conflicts, so
        // neither of the first two may survive.
        StoreFailure failure = failureOf(store.submit(
                move(t, TransactionState.SENT, TransactionState.TIMED_OUT, null),
                new StoreWrite.EnqueueSaf(reversalOf(t)),
                move(t, TransactionState.ROUTED, TransactionState.SENT, null)));

        assertThat(failure).isEqualTo(StoreFailure.CONFLICT);
        assertThat(store.findById(t.id()).orElseThrow().state())
                .isEqualTo(TransactionState.SENT);
        assertThat(store.safItem(t.id(), SafKind.REVERSAL)).isEmpty();
        assertThat(store.history(t.id())).hasSize(2);
    }

    @Test
    void replayingCommittedWritesAddsNothing() {
        TransactionRecord t = transactions.received(100_00);
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), T0, "ops1", "SAF_RELEASED",
                t.id().toString(), "released by hand");
        List<StoreWrite> writes = List.of(insert(t),
                move(t, TransactionState.RECEIVED, TransactionState.SENT, null),
                move(t, TransactionState.SENT, TransactionState.TIMED_OUT, null),
                new StoreWrite.EnqueueSaf(reversalOf(t)), new StoreWrite.Audit(entry));

        await(store.submit(writes));
        await(store.submit(writes));
        await(store.submit(writes.subList(2, 4)));

        assertThat(store.history(t.id())).hasSize(3);
        assertThat(store.pendingSaf(100)).filteredOn(i -> i.transactionId().equals(t.id()))
                .hasSize(1);
        assertThat(store.auditTrail(T0, T0.plusSeconds(1))).containsExactly(entry);
        assertThat(store.findById(t.id()).orElseThrow().state())
                .isEqualTo(TransactionState.TIMED_OUT);
    }

    @Test
    void anIdReusedForADifferentTransactionIsAConflict() {
        TransactionRecord t = transactions.received(100_00);
        await(store.submit(insert(t)));
        TransactionRecord other = transactions.received(999_00);
        TransactionRecord sameId = new TransactionRecord(t.id(), other.createdAt(),
                other.acquirerScheme(), other.issuerScheme(), other.channel(), other.mti(),
                other.processingCode(), other.pan(), other.acquirerAmount(), null, null, null,
                other.acquirer(), null, other.businessDate(), other.state(), null, null, null,
                false, null, Fees.NONE);

        assertThat(failureOf(store.submit(insert(sameId)))).isEqualTo(StoreFailure.CONFLICT);
        assertThat(store.findById(t.id())).contains(t);
    }

    @Test
    void aReversalOfAnUnknownOriginalIsRejectedByTheDatabase() {
        TransactionRecord t = transactions.received(100_00);
        TransactionRecord orphan = new TransactionRecord(t.id(), t.createdAt(), "mir", "shetab",
                Channel.POS, "0420", "000000", t.pan(), t.acquirerAmount(), null, null, null,
                t.acquirer(), null, BUSINESS_DATE, TransactionState.RECEIVED, null, null, null,
                false, UUID.randomUUID(), Fees.NONE);

        assertThat(failureOf(store.submit(insert(orphan))))
                .isEqualTo(StoreFailure.WRITE_REJECTED);
        assertThat(store.findById(t.id())).isEmpty();
    }

    @Test
    void findsByCardWithinATimeRangeAndByAcquirerAndIssuerKeys() {
        TransactionRecord early = transactions.received(Transactions.PAN, 1_00, T0);
        TransactionRecord late = transactions.received(Transactions.PAN, 2_00,
                T0.plusSeconds(3600));
        TransactionRecord otherCard = transactions.received("6219861234567891", 3_00, T0);
        IssuerReference ours = new IssuerReference("000000000077", "507300000077");
        await(store.submit(insert(early), insert(late), insert(otherCard),
                move(early, TransactionState.RECEIVED, TransactionState.SENT,
                        TransitionFields.sent(ours))));

        var hash = transactions.protector().lookupHash(Pan.of(Transactions.PAN));
        assertThat(store.findByPanHash(hash, T0, T0.plusSeconds(3601)))
                .extracting(TransactionRecord::id).containsExactly(early.id(), late.id());
        assertThat(store.findByPanHash(hash, T0.plusSeconds(1), T0.plusSeconds(3600)))
                .isEmpty();
        assertThat(store.findByAcquirerRrn("mir", late.acquirer().rrn()))
                .extracting(TransactionRecord::id).containsExactly(late.id());
        assertThat(store.findByAcquirerRrn("shetab", late.acquirer().rrn())).isEmpty();
        assertThat(store.findByAcquirerTrace("mir", otherCard.acquirer().stan(),
                otherCard.acquirer().transmissionTime()))
                .extracting(TransactionRecord::id).containsExactly(otherCard.id());
        assertThat(store.findByIssuerStan("shetab", ours.stan(), T0))
                .extracting(TransactionRecord::id).containsExactly(early.id());
        assertThat(store.createdSince(T0.plusSeconds(1)))
                .extracting(TransactionRecord::id).containsExactly(late.id());
    }

    @Test
    void unresolvedListsExactlyTheTransactionsRecoveryMustFinish() {
        List<UUID> unresolved = new ArrayList<>();
        for (TransactionState state : TransactionState.values()) {
            TransactionRecord t = transactions.received(1_00);
            TransactionRecord inState = new TransactionRecord(t.id(), t.createdAt(),
                    t.acquirerScheme(), t.issuerScheme(), t.channel(), t.mti(),
                    t.processingCode(), t.pan(), t.acquirerAmount(), null, null, null,
                    t.acquirer(), null, t.businessDate(), state, null, null, null, false, null,
                    Fees.NONE);
            await(store.submit(insert(inState)));
            if (!state.isResolved()) {
                unresolved.add(t.id());
            }
        }

        assertThat(store.unresolved()).extracting(TransactionRecord::id)
                .containsExactlyInAnyOrderElementsOf(unresolved);
        assertThat(store.unresolved()).extracting(TransactionRecord::state)
                .containsExactlyInAnyOrder(TransactionState.RECEIVED, TransactionState.ROUTED,
                        TransactionState.SENT, TransactionState.TIMED_OUT,
                        TransactionState.REVERSAL_PENDING, TransactionState.STOOD_IN,
                        TransactionState.ADVICE_PENDING);
    }

    @Test
    void aStoreAndForwardItemIsOwedUntilAcknowledged() {
        TransactionRecord t = transactions.received(100_00);
        await(store.submit(insert(t), new StoreWrite.EnqueueSaf(reversalOf(t))));
        assertThat(store.dueSaf(T0, 10)).extracting(SafItem::transactionId)
                .containsExactly(t.id());

        await(store.submit(new StoreWrite.SafAttempt(t.id(), SafKind.REVERSAL,
                T0.plusSeconds(1), T0.plusSeconds(31), "no 0430 in 30 s")));

        SafItem attempted = store.safItem(t.id(), SafKind.REVERSAL).orElseThrow();
        assertThat(attempted.attempts()).isEqualTo(1);
        assertThat(attempted.lastAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(attempted.lastError()).isEqualTo("no 0430 in 30 s");
        assertThat(store.dueSaf(T0.plusSeconds(30), 10)).isEmpty();
        assertThat(store.dueSaf(T0.plusSeconds(31), 10)).containsExactly(attempted);
        assertThat(store.pendingSaf(10)).containsExactly(attempted);

        await(store.submit(new StoreWrite.SafAck(t.id(), SafKind.REVERSAL, T0.plusSeconds(32))));
        await(store.submit(new StoreWrite.SafAck(t.id(), SafKind.REVERSAL, T0.plusSeconds(33))));

        assertThat(store.pendingSaf(10)).isEmpty();
        SafItem acked = store.safItem(t.id(), SafKind.REVERSAL).orElseThrow();
        assertThat(acked.status()).isEqualTo(SafStatus.ACKED);
        assertThat(acked.ackedAt()).isEqualTo(T0.plusSeconds(32));
        assertThat(failureOf(store.submit(new StoreWrite.SafAck(t.id(), SafKind.ADVICE,
                T0)))).isEqualTo(StoreFailure.CONFLICT);
    }

    @Test
    void dailyCountersCountACardsTransactionsInTheGivenStates() {
        String card = "6274121111222233";
        TransactionRecord a = approve(transactions.received(card, 100_00, T0));
        TransactionRecord b = approve(transactions.received(card, 250_50, T0));
        TransactionRecord declined = transactions.received(card, 1_000_00, T0);
        await(store.submit(insert(declined), move(declined, TransactionState.RECEIVED,
                TransactionState.DECLINED, null)));
        approve(transactions.received("6274129999888877", 5_00, T0));
        // A 0420 row refers to its original and is not spending of its own.
        TransactionRecord r = transactions.received(card, 100_00, T0);
        await(store.submit(insert(new TransactionRecord(r.id(), r.createdAt(), "mir", "shetab",
                Channel.POS, "0420", "000000", r.pan(), r.acquirerAmount(), null, null, null,
                r.acquirer(), null, BUSINESS_DATE, TransactionState.APPROVED, null, null, null,
                false, a.id(), Fees.NONE))));

        var hash = transactions.protector().lookupHash(Pan.of(card));
        var approved = java.util.EnumSet.of(TransactionState.APPROVED);
        assertThat(store.dailyCounters(hash, BUSINESS_DATE, approved)).containsExactly(
                new CardDailyCounter(hash, BUSINESS_DATE, 643, 2,
                        a.acquirerAmount().minor() + b.acquirerAmount().minor()));
        assertThat(store.dailyCounters(BUSINESS_DATE, approved)).hasSize(2);
        assertThat(store.dailyCounters(hash, BUSINESS_DATE.plusDays(1), approved)).isEmpty();
        assertThat(store.dailyCounters(hash, BUSINESS_DATE, java.util.EnumSet.of(
                TransactionState.APPROVED, TransactionState.DECLINED)).get(0).count())
                .isEqualTo(3);
    }

    /**
     * What the settlement positions are rebuilt from, summed by the database:
     *
     * <pre>
     * shetab: purchase 100,000 approved; cash 50,000 stood in (advice owed); refund 7,000
     *   approved (credits, not counted); purchase 999 declined (not counted)
     *   reversal 30,000 of the purchase (acknowledged)           => 100,000 + 50,000 - 30,000
     *   authorization 40,000 approved, completion 25,000 advised =>             + 25,000
     *   reversal 9,000 of the declined purchase (no debit stood)  =>              + 0
     * mir: transfer 1,234 approved                                => 1,234
     * </pre>
     */
    @Test
    void standingDebitsAreSummedPerIssuingSchemeAndCardUsagePerCard() {
        String card = "6037991111222233";
        TransactionRecord purchase = stored(card, "shetab", "0200", "000000", 100_000,
                TransactionState.APPROVED, false, null, T0);
        stored(card, "shetab", "0200", "010000", 50_000, TransactionState.ADVICE_PENDING, true,
                null, T0.plusSeconds(1));
        stored(card, "shetab", "0200", "200000", 7_000, TransactionState.APPROVED, false, null,
                T0.plusSeconds(2));
        TransactionRecord declined = stored(card, "shetab", "0200", "000000", 999,
                TransactionState.DECLINED, false, null, T0.plusSeconds(3));
        stored(card, "shetab", "0420", "000000", 30_000, TransactionState.REVERSED, false,
                purchase.id(), T0.plusSeconds(4));
        TransactionRecord auth = stored("6037994444555566", "shetab", "0100", "000000", 40_000,
                TransactionState.APPROVED, false, null, T0.plusSeconds(5));
        stored("6037994444555566", "shetab", "0220", "000000", 25_000, TransactionState.ADVISED,
                false, auth.id(), T0.plusSeconds(6));
        stored(card, "shetab", "0420", "000000", 9_000, TransactionState.REVERSAL_PENDING, false,
                declined.id(), T0.plusSeconds(7));
        stored("2200123456789012", "mir", "0200", "400000", 1_234, TransactionState.APPROVED,
                false, null, T0.plusSeconds(8));
        java.util.Set<String> debiting = java.util.Set.of("00", "01", "40");

        assertThat(store.standingDebits(debiting)).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("shetab", 100_000L + 50_000 - 30_000 + 40_000 - 15_000,
                        "mir", 1_234L));

        var hash = transactions.protector().lookupHash(Pan.of(card));
        var other = transactions.protector().lookupHash(Pan.of("6037994444555566"));
        assertThat(store.cardUsage("shetab", T0, T0.plusSeconds(60), debiting))
                .containsExactlyInAnyOrder(new CardUsage(hash, false, 1, 100_000),
                        new CardUsage(hash, true, 1, 50_000),
                        new CardUsage(other, false, 1, 40_000));
        assertThat(store.cardUsage("shetab", T0.plusSeconds(1), T0.plusSeconds(5), debiting))
                .containsExactly(new CardUsage(hash, true, 1, 50_000));
        assertThat(store.cardUsage("mir", T0, T0.plusSeconds(8), debiting)).isEmpty();
    }

    /** A row inserted in its final state, with an issuer amount in IRR. */
    private TransactionRecord stored(String pan, String issuer, String mti, String code,
            long issuerMinor, TransactionState state, boolean stoodIn, UUID original,
            java.time.Instant at) {
        TransactionRecord r = transactions.received(pan, 1_00, at);
        TransactionRecord t = new TransactionRecord(r.id(), at, "mir".equals(issuer) ? "shetab"
                : "mir", issuer, Channel.POS, mti, code, r.pan(), r.acquirerAmount(),
                new Amount(issuerMinor, 364, 0), null, null, r.acquirer(), null, BUSINESS_DATE,
                state, null, null, null, stoodIn, original, Fees.NONE);
        await(store.submit(insert(t)));
        return t;
    }

    @Test
    void businessDatesMoveForwardPerScheme() {
        java.time.LocalDate d1 = BUSINESS_DATE;
        java.time.LocalDate d2 = d1.plusDays(1);
        await(store.submit(new StoreWrite.OpenBusinessDate("mir", d1, T0)));
        await(store.submit(new StoreWrite.OpenBusinessDate("shetab", d1, T0)));
        await(store.submit(new StoreWrite.OpenBusinessDate("mir", d2, T0.plusSeconds(86_400))));
        await(store.submit(new StoreWrite.OpenBusinessDate("mir", d2, T0.plusSeconds(86_401))));

        assertThat(store.currentBusinessDate("mir")).contains(d2);
        assertThat(store.currentBusinessDate("shetab")).contains(d1);
        assertThat(store.currentBusinessDate("visa")).isEmpty();
        assertThat(failureOf(store.submit(new StoreWrite.OpenBusinessDate("mir", d1, T0))))
                .isEqualTo(StoreFailure.CONFLICT);
    }

    @Test
    void noClearPanIsStoredInAnyColumn() throws Exception {
        TransactionRecord t = transactions.received(100_00);
        await(store.submit(insert(t), new StoreWrite.EnqueueSaf(reversalOf(t))));
        byte[] clear = Transactions.PAN.getBytes(StandardCharsets.US_ASCII);
        int cells = 0;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("card_transaction", "transaction_state_change",
                    "saf_item")) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            int type = meta.getColumnType(i);
                            boolean binary = type == Types.BINARY || type == Types.VARBINARY
                                    || type == Types.LONGVARBINARY;
                            byte[] bytes = binary ? r.getBytes(i) : null;
                            String text = r.getString(i);
                            assertThat(text == null || !text.contains(Transactions.PAN))
                                    .as(table + "." + meta.getColumnName(i)).isTrue();
                            assertThat(bytes == null || indexOf(bytes, clear) < 0)
                                    .as(table + "." + meta.getColumnName(i)).isTrue();
                            cells++;
                        }
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(50);
        TransactionRecord stored = store.findById(t.id()).orElseThrow();
        assertThat(transactions.protector().reveal(stored.pan()).digits())
                .isEqualTo(Transactions.PAN);
        assertThat(stored.pan().masked()).isEqualTo("603799******7890");
    }

    @Test
    void writesSurviveClosingAndReopeningTheStore() {
        TransactionRecord t = transactions.received(100_00);
        await(store.submit(insert(t), move(t, TransactionState.RECEIVED,
                TransactionState.ROUTED, routed())));
        store.close();

        store = TransactionStore.open(database.config(), Clock.systemUTC());

        assertThat(store.findById(t.id())).contains(t.after(TransactionState.ROUTED, routed()));
        assertThat(store.history(t.id())).hasSize(2);
    }

    private TransactionRecord approve(TransactionRecord t) {
        await(store.submit(insert(t), move(t, TransactionState.RECEIVED,
                TransactionState.APPROVED, TransitionFields.answered("00", "00", "1"))));
        return t;
    }

    private static SafItem reversalOf(TransactionRecord t) {
        return SafItem.owed(t.id(), SafKind.REVERSAL, t.issuerScheme(), "0420", "4021",
                1_234_000, 364, T0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
