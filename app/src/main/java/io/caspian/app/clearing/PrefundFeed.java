package io.caspian.app.clearing;

import io.caspian.app.wiring.SwitchNode;
import io.caspian.store.ClearingLedger;
import io.caspian.store.ClearingRows.PrefundCredit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what settlement credited back into each scheme's prefunded position in the running
 * switch, where the real-time net debit cap reads it.
 *
 * <p>While running, {@link #apply} takes the new ones; a credit is marked applied first, so
 * with several nodes on one database exactly one applies it. After a restart the engine's
 * recovery counts every recorded credit itself (core's {@code Recovery}).
 */
public final class PrefundFeed {
    private static final Logger LOG = LoggerFactory.getLogger(PrefundFeed.class);

    private PrefundFeed() {
    }

    /** Applies every credit not applied yet; returns those this call applied. */
    public static List<PrefundCredit> apply(ClearingLedger ledger, SwitchNode node) {
        return apply(ledger, engineSink(node));
    }

    static List<PrefundCredit> apply(ClearingLedger ledger, ObjLongConsumer<String> credit) {
        List<PrefundCredit> applied = new ArrayList<>();
        for (PrefundCredit c : ledger.unappliedPrefundCredits()) {
            if (!ledger.markPrefundApplied(c.scheme(), c.businessDate(), Instant.now())) {
                continue;
            }
            credit.accept(c.scheme(), c.amountMinor());
            LOG.info("{}: prefunded position credited {} (currency {}) by settlement of {}",
                    c.scheme(), c.amountMinor(), c.currency(), c.businessDate());
            applied.add(c);
        }
        return applied;
    }

    private static ObjLongConsumer<String> engineSink(SwitchNode node) {
        // Positions are the engine thread's; credits go through it.
        return (scheme, amount) -> node.thread().execute(
                () -> node.engine().positions().prefund(scheme, amount));
    }
}
