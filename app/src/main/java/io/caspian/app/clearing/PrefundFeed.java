package io.caspian.app.clearing;

import io.caspian.app.wiring.SwitchNode;
import io.caspian.store.ClearingRows.PrefundCredit;
import io.caspian.store.ClearingLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what settlement credited back into each scheme's prefunded position in the running
 * switch, where the real-time net debit cap reads it. A credit is marked applied first, so
 * with several nodes on one database exactly one applies it; positions live in memory, so a
 * restart starts again from the configured prefunding anyway.
 */
public final class PrefundFeed {
    private static final Logger LOG = LoggerFactory.getLogger(PrefundFeed.class);

    private PrefundFeed() {
    }

    /** Applies every credit not applied yet; returns those this call applied. */
    public static List<PrefundCredit> apply(ClearingLedger ledger, SwitchNode node) {
        List<PrefundCredit> applied = new ArrayList<>();
        for (PrefundCredit c : ledger.unappliedPrefundCredits()) {
            if (!ledger.markPrefundApplied(c.scheme(), c.businessDate(), Instant.now())) {
                continue;
            }
            // Positions are the engine thread's; the credit goes through it.
            node.thread().execute(() -> node.engine().positions().prefund(c.scheme(),
                    c.amountMinor()));
            LOG.info("{}: prefunded position credited {} (currency {}) by settlement of {}",
                    c.scheme(), c.amountMinor(), c.currency(), c.businessDate());
            applied.add(c);
        }
        return applied;
    }
}
