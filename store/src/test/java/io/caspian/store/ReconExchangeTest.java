package io.caspian.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code recon_exchange} (V4) on H2 and PostgreSQL: rows read back, latest first. */
class ReconExchangeTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final Instant T0 = Instant.parse("2026-11-25T21:00:00Z");

    static Stream<TestDatabase> databases() {
        return Stream.of(TestDatabase.h2(), TestDatabase.postgres());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLatestExchangeOfADateIsItsOutcome(TestDatabase db) throws Exception {
        // JUnit closes (drops) the database after the test; the store is closed first.
        try (TransactionStore store = TransactionStore.open(db.config(),
                Clock.systemUTC())) {
            ClearingLedger ledger = store.clearing();
            assertThat(ledger.lastReconExchange("mir", DAY)).isEmpty();
            long[] ours = {274, 65_558_846, 1, 117_330, 17, 4_551_303, 0, 0};
            ledger.recordReconExchange(new ReconExchangeRow(UUID.randomUUID(), "mir", DAY,
                    T0, "NO_ANSWER", 643, ours, null, 1, "no answer from mir within 10000 ms"));
            ReconExchangeRow unanswered = ledger.lastReconExchange("mir", DAY).orElseThrow();
            assertThat(unanswered.theirs()).isNull();
            assertThat(unanswered.ours()).containsExactly(ours);

            long[] theirs = ours.clone();
            theirs[0]--;
            theirs[1] -= 507_460;
            String diff = "cleared, not booked by mir: PRESENTMENT x\nbooked by mir: y";
            ledger.recordReconExchange(new ReconExchangeRow(UUID.randomUUID(), "mir", DAY,
                    T0.plusSeconds(5), "OUT_OF_BALANCE", 643, ours, theirs, 2, diff));
            ReconExchangeRow last = ledger.lastReconExchange("mir", DAY).orElseThrow();
            assertThat(last.outcome()).isEqualTo("OUT_OF_BALANCE");
            assertThat(last.exchangedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(last.currency()).isEqualTo(643);
            assertThat(last.theirs()).containsExactly(theirs);
            assertThat(last.differenceCount()).isEqualTo(2);
            assertThat(last.differences()).isEqualTo(diff);
            assertThat(ledger.lastReconExchange("shetab", DAY)).isEmpty();
            assertThat(ledger.lastReconExchange("mir", DAY.plusDays(1))).isEmpty();
        }
    }
}
