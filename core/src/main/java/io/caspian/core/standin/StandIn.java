package io.caspian.core.standin;

import io.caspian.core.txn.Reason;
import io.caspian.core.txn.TransactionType;
import io.caspian.store.Channel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides stand-in requests and keeps the per-card daily counters they are limited by.
 * Engine-thread only. Counters are keyed by the PAN's look-up hash, never the PAN.
 */
public final class StandIn {
    private final Map<String, Usage> usage = new HashMap<>();
    private LocalDate day;

    private static final class Usage {
        int count;
        long amountMinor;
    }

    /** APPROVED, or the reason to decline; an approval is counted at once. */
    public Reason decide(StandInRules rules, String cardKey, TransactionType type,
            Channel channel, long amountMinor, LocalDate businessDate) {
        if (!businessDate.equals(day)) {
            usage.clear();
            day = businessDate;
        }
        if (!rules.enabled() || !rules.types().contains(type)
                || !rules.channels().contains(channel)) {
            return Reason.ISSUER_UNAVAILABLE;
        }
        if (amountMinor > rules.amountMaxMinor()) {
            return Reason.ISSUER_UNAVAILABLE;
        }
        Usage u = usage.computeIfAbsent(cardKey, k -> new Usage());
        if (u.count + 1 > rules.dailyCountMax()
                || u.amountMinor + amountMinor > rules.dailyAmountMaxMinor()) {
            return Reason.EXCEEDS_LIMIT;
        }
        u.count++;
        u.amountMinor += amountMinor;
        return Reason.APPROVED;
    }

    /** Restores a card's usage after a restart (from the store's daily counters). */
    public void restore(String cardKey, int count, long amountMinor, LocalDate businessDate) {
        day = businessDate;
        Usage u = usage.computeIfAbsent(cardKey, k -> new Usage());
        u.count += count;
        u.amountMinor += amountMinor;
    }
}
