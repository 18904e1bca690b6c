package io.caspian.core.screening;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A count and an amount per card per date: what daily limits are checked against. Dates are
 * kept apart because the schemes' days do not turn together (Tehran's midnight is half an
 * hour before Moscow's): a request dated by one scheme must not reset another's counters.
 * A date is forgotten once a date two days later has been counted. Engine-thread only; cards
 * are keyed by the PAN's look-up hash, never the PAN.
 */
public final class DailyUsage {
    private final Map<LocalDate, Map<String, long[]>> byDay = new HashMap<>();

    /** How many were counted for {@code card} on {@code date}. */
    public long count(String card, LocalDate date) {
        long[] u = usage(card, date);
        return u == null ? 0 : u[0];
    }

    /** The amount counted for {@code card} on {@code date}, in minor units. */
    public long amountMinor(String card, LocalDate date) {
        long[] u = usage(card, date);
        return u == null ? 0 : u[1];
    }

    /** Counts {@code count} more for {@code card} on {@code date}, for {@code amountMinor}. */
    public void add(String card, long count, long amountMinor, LocalDate date) {
        Map<String, long[]> day = byDay.get(date);
        if (day == null) {
            day = new HashMap<>();
            byDay.put(date, day);
            byDay.keySet().removeIf(d -> d.isBefore(date.minusDays(1)));
        }
        long[] u = day.computeIfAbsent(card, k -> new long[2]);
        u[0] += count;
        u[1] += amountMinor;
    }

    /** The dates held: at most the newest and the day before it, per zone in use. */
    int dates() {
        return byDay.size();
    }

    private long[] usage(String card, LocalDate date) {
        Map<String, long[]> day = byDay.get(date);
        return day == null ? null : day.get(card);
    }
}
