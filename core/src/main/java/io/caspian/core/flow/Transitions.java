package io.caspian.core.flow;

import static io.caspian.store.TransactionState.ADVICE_PENDING;
import static io.caspian.store.TransactionState.ADVISED;
import static io.caspian.store.TransactionState.APPROVED;
import static io.caspian.store.TransactionState.DECLINED;
import static io.caspian.store.TransactionState.RECEIVED;
import static io.caspian.store.TransactionState.REVERSAL_PENDING;
import static io.caspian.store.TransactionState.REVERSED;
import static io.caspian.store.TransactionState.ROUTED;
import static io.caspian.store.TransactionState.SENT;
import static io.caspian.store.TransactionState.STOOD_IN;
import static io.caspian.store.TransactionState.TIMED_OUT;

import io.caspian.store.TransactionState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal state changes of a transaction (DESIGN.md, extended by the
 * acquirer's reversal of an approval and by recovery):
 *
 * <pre>
 * RECEIVED ─► ROUTED ─► SENT ─┬─► APPROVED ─► REVERSAL_PENDING (reply lost / acquirer reversal)
 *    │          │             ├─► DECLINED
 *    │          │             └─► TIMED_OUT ─┬─► REVERSAL_PENDING ─► REVERSED
 *    │          │                            └─► STOOD_IN (stand-in after the timeout)
 *    │          ├─► STOOD_IN ─► ADVICE_PENDING ─► ADVISED
 *    │          └─► DECLINED                (screening, stand-in refused, link down)
 *    ├─► DECLINED                           (bad card, no route, reversal without original)
 *    ├─► REVERSAL_PENDING                   (a reversal received from an acquirer)
 *    └─► ADVICE_PENDING                     (a completion advice received from an acquirer)
 * </pre>
 */
public final class Transitions {
    private static final Map<TransactionState, Set<TransactionState>> EDGES =
            new EnumMap<>(TransactionState.class);

    static {
        EDGES.put(RECEIVED, EnumSet.of(ROUTED, DECLINED, REVERSAL_PENDING, ADVICE_PENDING));
        EDGES.put(ROUTED, EnumSet.of(SENT, STOOD_IN, DECLINED));
        EDGES.put(SENT, EnumSet.of(APPROVED, DECLINED, TIMED_OUT));
        EDGES.put(APPROVED, EnumSet.of(REVERSAL_PENDING));
        EDGES.put(DECLINED, EnumSet.noneOf(TransactionState.class));
        EDGES.put(TIMED_OUT, EnumSet.of(REVERSAL_PENDING, STOOD_IN));
        EDGES.put(REVERSAL_PENDING, EnumSet.of(REVERSED));
        EDGES.put(REVERSED, EnumSet.noneOf(TransactionState.class));
        EDGES.put(STOOD_IN, EnumSet.of(ADVICE_PENDING));
        EDGES.put(ADVICE_PENDING, EnumSet.of(ADVISED));
        EDGES.put(ADVISED, EnumSet.noneOf(TransactionState.class));
    }

    private Transitions() {
    }

    public static boolean allowed(TransactionState from, TransactionState to) {
        return EDGES.get(from).contains(to);
    }

    /** Refuses an illegal edge loudly: a flow that tries one has a bug. */
    public static void check(TransactionState from, TransactionState to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("illegal transition " + from + " -> " + to);
        }
    }
}
