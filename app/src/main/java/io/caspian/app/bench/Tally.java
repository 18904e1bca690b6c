package io.caspian.app.bench;

import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.time.LatencyHistogram;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Outcomes and latencies of the measured requests of one run; safe from any thread. */
final class Tally {
    final LatencyHistogram latency = new LatencyHistogram();
    final LongAdder sent = new LongAdder();
    final LongAdder approved = new LongAdder();
    final LongAdder declined = new LongAdder();
    final LongAdder timedOut = new LongAdder();
    final LongAdder notSent = new LongAdder();
    final LongAdder failed = new LongAdder();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong lastCompletionNanos = new AtomicLong();

    void sent() {
        sent.increment();
    }

    void add(AcquirerResult r, Throwable error) {
        if (error != null || r == null) {
            failed.increment();
        } else {
            latency.record(r.latencyNanos());
            switch (r.status()) {
                case ANSWERED:
                    (r.approved() ? approved : declined).increment();
                    break;
                case TIMED_OUT:
                    timedOut.increment();
                    break;
                default:
                    notSent.increment();
            }
        }
        lastCompletionNanos.accumulateAndGet(System.nanoTime(), Math::max);
        completed.incrementAndGet();
    }

    long completed() {
        return completed.get();
    }

    long lastCompletionNanos() {
        return lastCompletionNanos.get();
    }

    /** Timed out, refused by the link, or failed inside the acquirer. */
    long errors() {
        return timedOut.sum() + notSent.sum() + failed.sum();
    }

    /** Waits until every measured request has completed, or the deadline passes. */
    boolean awaitCompletion(long deadlineNanos) throws InterruptedException {
        while (completed.get() < sent.sum()) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
