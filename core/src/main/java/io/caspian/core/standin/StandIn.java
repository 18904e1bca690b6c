package io.caspian.core.standin;

import io.caspian.core.screening.DailyUsage;
import io.caspian.core.txn.Reason;
import io.caspian.core.txn.TransactionType;
import io.caspian.store.Channel;
import java.time.LocalDate;

/**
 * Decides stand-in requests and keeps the per-card daily counters they are limited by.
 * Engine-thread only. Counters are keyed by the PAN's look-up hash, never the PAN.
 */
public final class StandIn {
    private final DailyUsage usage = new DailyUsage();

    /** APPROVED, or the reason to decline; an approval is counted at once. */
    public Reason decide(StandInRules rules, String cardKey, TransactionType type,
            Channel channel, long amountMinor, LocalDate businessDate) {
        if (!rules.enabled() || !rules.types().contains(type)
                || !rules.channels().contains(channel)) {
            return Reason.ISSUER_UNAVAILABLE;
        }
        if (amountMinor > rules.amountMaxMinor()) {
            return Reason.ISSUER_UNAVAILABLE;
        }
        if (usage.count(cardKey, businessDate) + 1 > rules.dailyCountMax()
                || usage.amountMinor(cardKey, businessDate) + amountMinor
                        > rules.dailyAmountMaxMinor()) {
            return Reason.EXCEEDS_LIMIT;
        }
        usage.add(cardKey, 1, amountMinor, businessDate);
        return Reason.APPROVED;
    }

    /** Restores a card's usage after a restart (from the store's daily counters). */
    public void restore(String cardKey, int count, long amountMinor, LocalDate businessDate) {
        usage.add(cardKey, count, amountMinor, businessDate);
    }
}
