package io.caspian.core.flow;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the demo, the console and the metrics read: per direction ("mir>shetab") the
 * approvals with their amounts per currency, declines, reversals, stand-ins, timeouts, and a
 * latency histogram of request-to-reply times. Thread-safe; written by the engine thread.
 */
public final class SwitchStats {
    /** Bucket upper bounds in microseconds: 50 µs doubling to about 52 s, then overflow. */
    private static final int BUCKETS = 22;

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final AtomicLongArray latency = new AtomicLongArray(BUCKETS + 1);

    public void count(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    public void add(String name, long amount) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(amount);
    }

    public long get(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    /** A copy of every counter. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void latencyMicros(long micros) {
        int b = 0;
        long bound = 50;
        while (b < BUCKETS && micros > bound) {
            bound *= 2;
            b++;
        }
        latency.incrementAndGet(b);
    }

    /** The upper bound (µs) of the bucket holding the given quantile, e.g. 0.99. */
    public long latencyQuantileMicros(double q) {
        return quantileMicros(latencyCounts(), q);
    }

    /**
     * The latency histogram's counts per bucket now: subtract an earlier copy to get the
     * requests answered in between ({@link #quantileMicros} of the difference).
     */
    public long[] latencyCounts() {
        long[] counts = new long[BUCKETS + 1];
        for (int i = 0; i <= BUCKETS; i++) {
            counts[i] = latency.get(i);
        }
        return counts;
    }

    /**
     * The upper bound (µs) of the bucket holding quantile {@code q} of a histogram as
     * {@link #latencyCounts} gives it; 0 when it counts nothing.
     */
    public static long quantileMicros(long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        long bound = 50;
        for (long c : counts) {
            seen += c;
            if (seen >= rank) {
                return bound;
            }
            bound *= 2;
        }
        return bound;
    }
}
