package io.caspian.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Daily counters when the schemes' days turn at different moments: between 20:30 and 21:00
 * UTC it is already tomorrow in Tehran and still today in Moscow.
 */
class DailyUsageTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    /**
     * <pre>
     * card A (Mir issuer, Moscow): 1 approval today
     * card B (Shetab issuer, Tehran): 1 approval dated tomorrow
     * card A again today: still its second of the day -> over a one-a-day limit
     * </pre>
     */
    @Test
    void aRequestDatedByAnotherSchemesDayDoesNotResetTheCounters() {
        Screening onePerDay = new Screening(Set.of(), Set.of(), Set.of(), Set.of(), 1, 0);
        Velocity v = new Velocity();
        v.approved("card-a", 100, TODAY);
        v.approved("card-b", 100, TOMORROW);
        assertThat(v.allows(onePerDay, "card-a", 100, TODAY)).isFalse();
        assertThat(v.allows(onePerDay, "card-b", 100, TOMORROW)).isFalse();
        assertThat(v.allows(onePerDay, "card-a", 100, TOMORROW)).isTrue();
    }

    @Test
    void countsAndAmountsAddUpPerCardAndDateAndOldDatesAreForgotten() {
        DailyUsage u = new DailyUsage();
        u.add("card-a", 1, 500, TODAY);
        u.add("card-a", 2, 250, TODAY);
        u.add("card-a", 1, 40, TOMORROW);
        assertThat(u.count("card-a", TODAY)).isEqualTo(3);
        assertThat(u.amountMinor("card-a", TODAY)).isEqualTo(750);
        assertThat(u.count("card-a", TOMORROW)).isEqualTo(1);
        assertThat(u.count("card-b", TODAY)).isZero();
        assertThat(u.dates()).isEqualTo(2);

        u.add("card-a", 1, 1, TODAY.plusDays(2));
        assertThat(u.dates()).as("today is two days behind: gone").isEqualTo(2);
        assertThat(u.count("card-a", TODAY)).isZero();
        assertThat(u.count("card-a", TOMORROW)).isEqualTo(1);
    }
}
