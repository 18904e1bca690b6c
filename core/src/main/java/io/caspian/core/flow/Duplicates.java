package io.caspian.core.flow;

import io.caspian.core.txn.CanonicalMessage;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.TransactionRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Duplicate detection: a request is known by its acquirer's keys — scheme, trace number,
 * transmission time and terminal — for {@code windowMs}. A repeat gets the first one's
 * reply (or nothing while the first is still in flight), never a second debit.
 */
final class Duplicates {
    private final long windowMs;
    private final Map<String, Seen> seen = new HashMap<>();
    private final Map<String, Seen> byTrace = new HashMap<>();
    private final Deque<Seen> byAge = new ArrayDeque<>();

    /** What the switch remembers of a request. */
    static final class Seen {
        final String key;
        final Exchange exchange;
        final long atMs;
        IsoMessage reply;

        Seen(String key, Exchange exchange, long atMs) {
            this.key = key;
            this.exchange = exchange;
            this.atMs = atMs;
        }
    }

    Duplicates(long windowMs) {
        this.windowMs = windowMs;
    }

    static String key(String acquirer, CanonicalMessage c) {
        return acquirer + "|" + c.stan() + "|" + c.transmissionTime() + "|"
                + c.mti().messageClass();
    }

    /** The key of a request by its trace number alone, as a reversal's DE 90 names it. */
    static String traceKey(String acquirer, String stan, int messageClass) {
        return acquirer + "|" + stan + "|" + messageClass;
    }

    Optional<Seen> find(String key) {
        return Optional.ofNullable(seen.get(key));
    }

    void remember(String key, Exchange exchange, long nowMs) {
        Seen s = new Seen(key, exchange, nowMs);
        seen.put(key, s);
        byTrace.put(traceKey(exchange.acquirer, exchange.canonical.stan(),
                exchange.canonical.mti().messageClass()), s);
        byAge.addLast(s);
    }

    /**
     * Requests recorded before a restart, by their duplicate key: a repeat of one is
     * answered with the outcome on record, never processed again. Forgotten whole once the
     * window has passed since recovery.
     */
    private final Map<String, TransactionRecord> recovered = new HashMap<>();
    private long recoveredUntilMs;

    void rememberRecovered(String key, TransactionRecord t, long untilMs) {
        recovered.put(key, t);
        recoveredUntilMs = Math.max(recoveredUntilMs, untilMs);
    }

    Optional<TransactionRecord> findRecovered(String key) {
        return Optional.ofNullable(recovered.get(key));
    }

    static String key(TransactionRecord t) {
        return t.acquirerScheme() + "|" + t.acquirer().stan() + "|"
                + t.acquirer().transmissionTime() + "|" + (t.mti().charAt(1) - '0');
    }

    Optional<Seen> findByTrace(String acquirer, String stan, int messageClass) {
        return Optional.ofNullable(byTrace.get(traceKey(acquirer, stan, messageClass)));
    }

    void answered(String key, IsoMessage reply) {
        Seen s = seen.get(key);
        if (s != null) {
            s.reply = reply;
        }
    }

    void expire(long nowMs) {
        if (!recovered.isEmpty() && nowMs > recoveredUntilMs) {
            recovered.clear();
        }
        while (!byAge.isEmpty() && byAge.peekFirst().atMs + windowMs < nowMs) {
            Seen s = byAge.removeFirst();
            seen.remove(s.key, s);
            byTrace.remove(traceKey(s.exchange.acquirer, s.exchange.canonical.stan(),
                    s.exchange.canonical.mti().messageClass()), s);
        }
    }

    int size() {
        return seen.size();
    }
}
