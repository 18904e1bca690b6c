package io.caspian.sim.load;

import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.acquirer.TrafficGenerator;
import io.caspian.sim.time.LatencyHistogram;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Drives an acquirer with generated traffic from the calling thread.
 *
 * <p>Closed loop measures what the system does with a fixed concurrency; open loop offers
 * a fixed rate whatever the answers do, and measures each request from when it should have
 * been sent (the coordinated-omission correction: a stalled system shows its stall in the
 * percentiles instead of sending less).
 */
public final class LoadGenerator {
    private final Acquirer acquirer;
    private final TrafficGenerator traffic;
    private final LongSupplier nanoTime;

    /**
     * @param nanoTime the same monotonic source as the acquirer's scheduler
     */
    public LoadGenerator(Acquirer acquirer, TrafficGenerator traffic, LongSupplier nanoTime) {
        this.acquirer = acquirer;
        this.traffic = traffic;
        this.nanoTime = nanoTime;
    }

    /** Keeps {@code inFlight} requests outstanding until {@code total} have completed. */
    public LoadReport closedLoop(int inFlight, int total, long maxWaitMs)
            throws InterruptedException {
        if (inFlight < 1 || total < 0) {
            throw new IllegalArgumentException("inFlight >= 1, total >= 0");
        }
        Tally tally = new Tally(total);
        Semaphore permits = new Semaphore(inFlight);
        long start = nanoTime.getAsLong();
        for (int i = 0; i < total; i++) {
            if (!permits.tryAcquire(maxWaitMs, TimeUnit.MILLISECONDS)) {
                break;
            }
            tally.sent.incrementAndGet();
            acquirer.submit(traffic.next()).whenComplete((r, e) -> {
                tally.add(r);
                permits.release();
            });
        }
        return tally.report("closed", start, maxWaitMs);
    }

    /**
     * Sends {@code total} requests at {@code ratePerSecond}, each at its scheduled time
     * (or at once when behind), and measures from the scheduled time.
     */
    public LoadReport openLoop(double ratePerSecond, int total, long maxWaitMs)
            throws InterruptedException {
        if (ratePerSecond <= 0 || total < 0) {
            throw new IllegalArgumentException("ratePerSecond > 0, total >= 0");
        }
        Tally tally = new Tally(total);
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long start = nanoTime.getAsLong();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait;
            while ((wait = scheduled - nanoTime.getAsLong()) > 0) {
                LockSupport.parkNanos(wait);
            }
            tally.sent.incrementAndGet();
            acquirer.submit(traffic.next(), scheduled).whenComplete((r, e) -> tally.add(r));
        }
        return tally.report("open", start, maxWaitMs);
    }

    /** Counts completions; latencies come from the acquirer's results. */
    private final class Tally {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong approved = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final AtomicLong notSent = new AtomicLong();
        final LatencyHistogram latency = new LatencyHistogram();
        final CountDownLatch done;
        final AtomicLong lastNanos = new AtomicLong();
        final int total;

        Tally(int total) {
            this.total = total;
            this.done = new CountDownLatch(total);
        }

        void add(AcquirerResult r) {
            if (r != null) {
                latency.record(r.latencyNanos());
                switch (r.status()) {
                    case ANSWERED:
                        answered.incrementAndGet();
                        if (r.approved()) {
                            approved.incrementAndGet();
                        }
                        break;
                    case TIMED_OUT:
                        timedOut.incrementAndGet();
                        break;
                    default:
                        notSent.incrementAndGet();
                }
            }
            lastNanos.accumulateAndGet(nanoTime.getAsLong(), Math::max);
            done.countDown();
        }

        LoadReport report(String mode, long start, long maxWaitMs) throws InterruptedException {
            // Requests never sent (a closed loop that gave up waiting) never complete.
            for (long i = sent.get(); i < total; i++) {
                done.countDown();
            }
            done.await(maxWaitMs, TimeUnit.MILLISECONDS);
            long end = Math.max(lastNanos.get(), start);
            return new LoadReport(mode, sent.get(), answered.get(), approved.get(),
                    timedOut.get(), notSent.get(), end - start, latency);
        }

    }
}
