package io.caspian.app.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.store.ClearingRows.PrefundCredit;
import io.caspian.store.StoreConfig;
import io.caspian.store.TransactionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running switch takes each settlement credit once, whenever it is recorded (after a
 * restart, core's recovery counts them all: PositionRecoveryScenarioTest).
 */
class PrefundFeedTest {
    static final LocalDate DAY_ONE = LocalDate.of(2026, 11, 23);
    static final LocalDate DAY_TWO = LocalDate.of(2026, 11, 24);

    @TempDir
    Path data;

    @Test
    void aRunningNodeTakesEachCreditOnce() {
        try (TransactionStore store = TransactionStore.open(
                StoreConfig.embedded(data.resolve("store")), Clock.systemUTC())) {
            Instant at = Instant.parse("2026-11-24T21:00:00Z");
            store.clearing().recordSettlement(List.of(), List.of(
                    new PrefundCredit("mir", DAY_ONE, 125_000, 643, at, null),
                    new PrefundCredit("shetab", DAY_ONE, 9_000_000, 364, at, null)));

            Map<String, Long> running = new TreeMap<>();
            PrefundFeed.apply(store.clearing(), (s, m) -> running.merge(s, m, Long::sum));
            PrefundFeed.apply(store.clearing(), (s, m) -> running.merge(s, m, Long::sum));
            assertThat(running).containsEntry("mir", 125_000L)
                    .containsEntry("shetab", 9_000_000L);

            store.clearing().recordSettlement(List.of(), List.of(
                    new PrefundCredit("mir", DAY_TWO, 40_000, 643, at.plusSeconds(86_400),
                            null)));
            Map<String, Long> next = new TreeMap<>();
            PrefundFeed.apply(store.clearing(), (s, m) -> next.merge(s, m, Long::sum));
            assertThat(next).containsOnly(Map.entry("mir", 40_000L));
        }
    }
}
