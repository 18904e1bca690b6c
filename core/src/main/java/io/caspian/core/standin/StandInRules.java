package io.caspian.core.standin;

import io.caspian.core.txn.TransactionType;
import io.caspian.store.Channel;
import java.util.Set;

/**
 * An issuing scheme's stand-in limits, in the issuer's currency.
 *
 * @param enabled whether Caspian stands in at all
 * @param amountMaxMinor largest single approval
 * @param dailyCountMax approvals per card per business date
 * @param dailyAmountMaxMinor approved amount per card per business date
 * @param types transaction types that may be approved
 * @param channels channels that may be approved
 */
public record StandInRules(boolean enabled, long amountMaxMinor, int dailyCountMax,
        long dailyAmountMaxMinor, Set<TransactionType> types, Set<Channel> channels) {

    public StandInRules {
        types = Set.copyOf(types);
        channels = Set.copyOf(channels);
    }

    public static StandInRules disabled() {
        return new StandInRules(false, 0, 0, 0, Set.of(), Set.of());
    }
}
