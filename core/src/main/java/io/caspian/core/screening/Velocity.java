package io.caspian.core.screening;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Approvals per card per business date, keyed by the PAN's look-up hash. Engine-thread only;
 * after a restart, recovery restores the day's approvals from the store.
 */
public final class Velocity {
    private final Map<String, long[]> usage = new HashMap<>();
    private LocalDate day;

    /** Whether one more approval of {@code amountMinor} stays within the limits. */
    public boolean allows(Screening limits, String card, long amountMinor, LocalDate date) {
        roll(date);
        long[] u = usage.get(card);
        long count = u == null ? 0 : u[0];
        long amount = u == null ? 0 : u[1];
        return (limits.dailyCountMax() == 0 || count + 1 <= limits.dailyCountMax())
                && (limits.dailyAmountMaxMinor() == 0
                || amount + amountMinor <= limits.dailyAmountMaxMinor());
    }

    public void approved(String card, long amountMinor, LocalDate date) {
        roll(date);
        long[] u = usage.computeIfAbsent(card, k -> new long[2]);
        u[0]++;
        u[1] += amountMinor;
    }

    /** Restores a card's approvals of the day after a restart (summed by the store). */
    public void restore(String card, long count, long amountMinor, LocalDate date) {
        roll(date);
        long[] u = usage.computeIfAbsent(card, k -> new long[2]);
        u[0] += count;
        u[1] += amountMinor;
    }

    private void roll(LocalDate date) {
        if (!date.equals(day)) {
            usage.clear();
            day = date;
        }
    }
}
