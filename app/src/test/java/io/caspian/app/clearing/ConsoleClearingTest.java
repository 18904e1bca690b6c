package io.caspian.app.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.clearing.BusinessDates;
import io.caspian.clearing.SchemeCalendar;
import io.caspian.console.ClearingPort.BusinessDate;
import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.StoreConfig;
import io.caspian.store.TransactionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console's settlement tab shows, read from the store clearing writes. */
class ConsoleClearingTest {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void showsDatesCutsOverForAnOperatorAndShowsASettledDay() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (TransactionStore store = TransactionStore.open(
                StoreConfig.embedded(data.resolve("store")), clock)) {
            BusinessDates dates = new BusinessDates(store, Map.of(
                    "mir", new SchemeCalendar("mir", ZoneId.of("Europe/Moscow"),
                            LocalTime.MIDNIGHT, 643, "RUB", 2),
                    "shetab", new SchemeCalendar("shetab", ZoneId.of("Asia/Tehran"),
                            LocalTime.MIDNIGHT, 364, "IRR", 0)), clock);
            ConsoleClearing port = new ConsoleClearing(dates, store.clearing(),
                    List.of("mir", "shetab"));

            assertThat(port.businessDates()).extracting(BusinessDate::scheme,
                    BusinessDate::current).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("mir", LocalDate.of(2026, 11, 24)),
                            org.assertj.core.groups.Tuple.tuple("shetab",
                                    LocalDate.of(2026, 11, 24)));
            assertThat(port.cutOver("visa", "olga")).contains("no scheme 'visa'");
            assertThat(port.cutOver("mir", "olga")).isNull();
            BusinessDate mir = port.businessDates().get(0);
            assertThat(mir.current()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(mir.openedAt()).isNotNull();
            assertThat(port.businessDates().get(1).current())
                    .isEqualTo(LocalDate.of(2026, 11, 24));

            LocalDate day = LocalDate.of(2026, 11, 24);
            assertThat(port.settlement(day)).containsEntry("settled", false)
                    .containsKey("note");
            store.clearing().recordSettlement(List.of(
                    new PositionRow(day, "mir", 643, 2, 150_000, -1_500, -150, 148_350, NOW),
                    new PositionRow(day, "shetab", 643, 2, -150_000, 1_500, 0, -148_500, NOW),
                    new PositionRow(day, "caspian", 643, 2, 0, 0, 150, 150, NOW)), List.of());
            Map<String, Object> settled = port.settlement(day);
            assertThat(settled).containsEntry("settled", true)
                    .containsEntry("netsToZero", true);
            assertThat((List<?>) settled.get("positions")).hasSize(3);
        }
    }
}
