package io.caspian.store;

import static io.caspian.store.StoreTestSupport.failureOf;
import static io.caspian.store.Transactions.BUSINESS_DATE;
import static io.caspian.store.Transactions.insert;
import static io.caspian.store.Transactions.move;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.Pan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Money is conserved through group commit (DESIGN.md I4, store side): whatever way
 * outcomes are cut into submissions and batches, and with some submissions failing as
 * conflicts, the approved totals the store reports are exactly those of the submissions
 * whose futures succeeded; a failed submission contributes nothing.
 */
class MoneyConservationTest {

    /** One outcome: an amount, approved or declined, and whether its writes conflict. */
    record Outcome(long amountMinor, boolean approved, boolean conflicting) {
    }

    @Provide
    Arbitrary<List<Outcome>> outcomes() {
        Arbitrary<Outcome> one = Combinators.combine(
                Arbitraries.longs().between(1, 10_000_000_00L),
                Arbitraries.integers().between(0, 3).map(i -> i != 0),
                Arbitraries.integers().between(0, 9).map(i -> i == 0))
                .as(Outcome::new);
        return one.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 12)
    void approvedTotalsMatchCommittedSubmissionsOnH2(
            @ForAll("outcomes") List<Outcome> outcomes,
            @ForAll @IntRange(min = 1, max = 64) int batchMax) throws Exception {
        try (TestDatabase database = TestDatabase.h2()) {
            check(database, outcomes, batchMax);
        }
    }

    @Property(tries = 6)
    void approvedTotalsMatchCommittedSubmissionsOnPostgres(
            @ForAll("outcomes") List<Outcome> outcomes,
            @ForAll @IntRange(min = 1, max = 64) int batchMax) throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            check(database, outcomes, batchMax);
        }
    }

    private static void check(TestDatabase database, List<Outcome> outcomes, int batchMax) {
        Transactions transactions = new Transactions();
        StoreConfig config = database.config().withGroupCommit(2_000, batchMax);
        try (TransactionStore store = TransactionStore.open(config, Clock.systemUTC())) {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            long expectedAmount = 0;
            long expectedCount = 0;
            for (Outcome o : outcomes) {
                TransactionRecord t = transactions.received(Transactions.PAN, o.amountMinor(),
                        Transactions.T0);
                TransactionState end = o.approved()
                        ? TransactionState.APPROVED : TransactionState.DECLINED;
                // A conflicting submission claims the wrong from-state after its insert:
                // the whole submission, insert included, must leave no trace.
                TransactionState from = o.conflicting()
                        ? TransactionState.SENT : TransactionState.RECEIVED;
                futures.add(store.submit(insert(t), move(t, from, end, null)));
                if (o.approved() && !o.conflicting()) {
                    expectedAmount += o.amountMinor();
                    expectedCount++;
                }
            }
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).conflicting()) {
                    assertThat(failureOf(futures.get(i))).isEqualTo(StoreFailure.CONFLICT);
                } else {
                    StoreTestSupport.await(futures.get(i));
                }
            }

            var hash = transactions.protector().lookupHash(Pan.of(Transactions.PAN));
            List<CardDailyCounter> counters = store.dailyCounters(hash, BUSINESS_DATE,
                    EnumSet.of(TransactionState.APPROVED));
            long amount = counters.stream().mapToLong(CardDailyCounter::amountMinor).sum();
            long count = counters.stream().mapToLong(CardDailyCounter::count).sum();
            assertThat(amount).isEqualTo(expectedAmount);
            assertThat(count).isEqualTo(expectedCount);
            long stored = store.createdSince(Transactions.T0).size();
            assertThat(stored).isEqualTo(outcomes.stream().filter(o -> !o.conflicting())
                    .count());
        }
    }
}
