package io.caspian.core.screening;

import java.time.LocalDate;

/**
 * Approvals per card per business date, keyed by the PAN's look-up hash. Engine-thread only;
 * after a restart, recovery restores the day's approvals from the store.
 */
public final class Velocity {
    private final DailyUsage usage = new DailyUsage();

    /** Whether one more approval of {@code amountMinor} stays within the limits. */
    public boolean allows(Screening limits, String card, long amountMinor, LocalDate date) {
        return (limits.dailyCountMax() == 0
                || usage.count(card, date) + 1 <= limits.dailyCountMax())
                && (limits.dailyAmountMaxMinor() == 0
                || usage.amountMinor(card, date) + amountMinor <= limits.dailyAmountMaxMinor());
    }

    public void approved(String card, long amountMinor, LocalDate date) {
        usage.add(card, 1, amountMinor, date);
    }

    /** Restores a card's approvals of the day after a restart (summed by the store). */
    public void restore(String card, long count, long amountMinor, LocalDate date) {
        usage.add(card, count, amountMinor, date);
    }
}
