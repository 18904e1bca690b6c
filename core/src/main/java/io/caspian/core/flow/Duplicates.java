package io.caspian.core.flow;

import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.Mti;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.TransactionRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Duplicate detection: a request is known by its acquirer's keys — scheme, trace number,
 * transmission time and terminal — for {@code windowMs}. A repeat gets the first one's
 * reply (or nothing while the first is still in flight), never a second debit.
 *
 * <p>Two tiers, so that memory does not grow with the window times the traffic rate: for
 * {@link #HOT_MS} an entry holds the whole exchange (an acquirer's reversal finds its
 * original here, and a repeat gets the very reply sent); after that, once answered, it is
 * cut down to its key and transaction id (about 150 bytes instead of several kilobytes of
 * messages). A repeat of a cut-down request is answered from the store's record of the
 * first, as after a restart; a reversal of it finds the original in the store. Advices and
 * reversals keep their acknowledgement, which is all a repeat of them gets.
 */
final class Duplicates {
    /**
     * How long an answered entry keeps its whole exchange: long enough for the reversals and
     * completions that follow an answer at once (and a late response), short enough that a
     * long window does not keep kilobytes per request. An unanswered request stays whole
     * until its issuer timeout answers it.
     */
    static final long HOT_MS = 5_000;

    private final long windowMs;
    private final Map<String, Seen> seen = new HashMap<>();
    private final Map<String, Seen> byTrace = new HashMap<>();
    private final Deque<Seen> byAge = new ArrayDeque<>();
    private final Deque<Seen> cold = new ArrayDeque<>();

    /**
     * What the switch remembers of a request. A cut-down entry keeps only its key, its
     * transaction id (as two longs, not a UUID object) and its time: it lives for the whole
     * window, so every byte counts rate times window times over.
     */
    static final class Seen {
        final String key;
        /** The trace-number key while the entry is whole; null once cut down. */
        String traceKey;
        private final long idHigh;
        private final long idLow;
        final long atMs;
        /** The live exchange; null once the entry is cut down. */
        Exchange exchange;
        IsoMessage reply;

        Seen(String key, Exchange exchange, long atMs) {
            this.key = key;
            this.traceKey = traceKey(exchange.acquirer, exchange.canonical.stan(),
                    exchange.canonical.mti().messageClass());
            this.idHigh = exchange.id.getMostSignificantBits();
            this.idLow = exchange.id.getLeastSignificantBits();
            this.exchange = exchange;
            this.atMs = atMs;
        }

        UUID transactionId() {
            return new UUID(idHigh, idLow);
        }

        /** Cut down: the reply must then be rebuilt from the stored record of the first. */
        boolean answerFromStore() {
            return exchange == null && reply == null;
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
        byTrace.put(s.traceKey, s);
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
        // Entries age in arrival order; one still unanswered holds back the ones behind it
        // (the issuer timeout answers it within seconds).
        while (!byAge.isEmpty() && byAge.peekFirst().atMs + HOT_MS < nowMs
                && byAge.peekFirst().reply != null) {
            Seen s = byAge.removeFirst();
            byTrace.remove(s.traceKey, s);
            s.traceKey = null;
            if (s.exchange.canonical.mti().function() == Mti.FUNCTION_REQUEST) {
                s.reply = null;
            }
            s.exchange = null;
            cold.addLast(s);
        }
        drop(cold, nowMs);
        drop(byAge, nowMs);
    }

    private void drop(Deque<Seen> tier, long nowMs) {
        while (!tier.isEmpty() && tier.peekFirst().atMs + windowMs < nowMs) {
            Seen s = tier.removeFirst();
            seen.remove(s.key, s);
            if (s.traceKey != null) {
                byTrace.remove(s.traceKey, s);
            }
        }
    }

    int size() {
        return seen.size();
    }
}
