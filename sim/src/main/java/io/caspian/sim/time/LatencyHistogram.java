package io.caspian.sim.time;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A log-linear histogram of non-negative values (nanoseconds, by convention): each power of
 * two is split into {@value #SUB_BUCKETS} equal buckets, so any value is reported within
 * 1/{@value #SUB_BUCKETS} (about 3 %) of itself, over the whole range of a long, in a fixed
 * 16 KiB. Values below {@value #SUB_BUCKETS} are exact. Recording is lock-free.
 *
 * <pre>
 * index = v                                   for v &lt; 32
 * index = 32 + (k - 5) * 32 + (v &gt;&gt; (k - 5)) - 32,  k = floor(log2 v), for v &gt;= 32
 * </pre>
 */
public final class LatencyHistogram {
    static final int SUB_BITS = 5;
    static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int BUCKETS = SUB_BUCKETS + (63 - SUB_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);

    /** Records one value; negative values (a clock step) count as 0. */
    public void record(long value) {
        long v = Math.max(0, value);
        counts.incrementAndGet(index(v));
        total.incrementAndGet();
        sum.addAndGet(v);
        max.accumulateAndGet(v, Math::max);
        min.accumulateAndGet(v, Math::min);
    }

    static int index(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        int k = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (k - SUB_BITS)) - SUB_BUCKETS;
        return SUB_BUCKETS + (k - SUB_BITS) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls in bucket {@code i}. */
    static long upperBound(int i) {
        if (i < SUB_BUCKETS) {
            return i;
        }
        int k = (i - SUB_BUCKETS) / SUB_BUCKETS + SUB_BITS;
        long sub = (i - SUB_BUCKETS) % SUB_BUCKETS + SUB_BUCKETS;
        long width = 1L << (k - SUB_BITS);
        long lower = sub << (k - SUB_BITS);
        return lower + width - 1;
    }

    public long count() {
        return total.get();
    }

    /** The largest value recorded; 0 when empty. */
    public long max() {
        return max.get();
    }

    /** The smallest value recorded; 0 when empty. */
    public long min() {
        return total.get() == 0 ? 0 : min.get();
    }

    public double mean() {
        long n = total.get();
        return n == 0 ? 0 : (double) sum.get() / n;
    }

    /**
     * The value at or below which {@code percentile} % of the values lie (nearest rank),
     * reported as its bucket's upper bound and never above the maximum; 0 when empty.
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile is 0..100");
        }
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperBound(i), max.get());
            }
        }
        return max.get();
    }

    public long p50() {
        return percentile(50);
    }

    public long p99() {
        return percentile(99);
    }

    public long p999() {
        return percentile(99.9);
    }

    /** Adds another histogram's values to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
        total.addAndGet(other.total.get());
        sum.addAndGet(other.sum.get());
        max.accumulateAndGet(other.max.get(), Math::max);
        min.accumulateAndGet(other.min.get(), Math::min);
    }

    /** {@code n=1000 p50=1.20ms p99=4.10ms p99.9=9.80ms max=12.00ms}, values as nanoseconds. */
    public String summaryMs() {
        return String.format("n=%d p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms", count(),
                p50() / 1e6, p99() / 1e6, p999() / 1e6, max() / 1e6);
    }

    @Override
    public String toString() {
        return "LatencyHistogram[" + summaryMs() + "]";
    }
}
