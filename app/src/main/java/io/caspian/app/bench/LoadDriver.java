package io.caspian.app.bench;

import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.acquirer.TrafficGenerator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one acquirer from the calling thread: a warm-up that is not measured, then a
 * measured part bounded by a count or a time. Unlike sim's {@code LoadGenerator} (count
 * only), runs can be bounded by time and start warm.
 */
final class LoadDriver {
    /** Longer than the acquirer's own response timeout (5 s), so every request ends. */
    private static final long DRAIN_MS = 10_000;
    /** A closed loop whose permits do not come back for this long has stalled. */
    private static final long PERMIT_WAIT_MS = 10_000;

    private final Acquirer acquirer;
    private final TrafficGenerator traffic;
    private final BenchPlan plan;

    LoadDriver(Acquirer acquirer, TrafficGenerator traffic, BenchPlan plan) {
        this.acquirer = acquirer;
        this.traffic = traffic;
        this.plan = plan;
    }

    /** Keeps {@code plan.inFlight()} requests outstanding; latency from each send. */
    Run closedLoop() throws InterruptedException {
        Tally tally = new Tally();
        Semaphore permits = new Semaphore(plan.inFlight());
        long measureFrom = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(plan.warmupMs());
        long measureUntil = measureFrom + TimeUnit.MILLISECONDS.toNanos(plan.measureMs());
        boolean stalled = false;
        CpuUsage cpu = new CpuUsage();
        boolean marked = false;
        while (true) {
            long now = System.nanoTime();
            boolean measured = now >= measureFrom;
            if (measured && (plan.requests() > 0 ? tally.sent.sum() >= plan.requests()
                    : now >= measureUntil)) {
                break;
            }
            if (!permits.tryAcquire(PERMIT_WAIT_MS, TimeUnit.MILLISECONDS)) {
                stalled = true;
                break;
            }
            if (measured) {
                if (!marked) {
                    cpu.mark();
                    marked = true;
                }
                tally.sent();
            }
            CompletableFuture<AcquirerResult> f = acquirer.submit(traffic.next());
            f.whenComplete((r, e) -> {
                if (measured) {
                    tally.add(r, e);
                }
                permits.release();
            });
        }
        return finish(tally, measureFrom, stalled, cpu);
    }

    /**
     * Offers {@code plan.ratePerSecond()} whatever the answers do; each request is measured
     * from its scheduled send time, so a stall shows as latency instead of as fewer sends.
     */
    Run openLoop() throws InterruptedException {
        Tally tally = new Tally();
        long intervalNanos = 1_000_000_000L / plan.ratePerSecond();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(plan.warmupMs());
        long measureUntil = measureFrom + TimeUnit.MILLISECONDS.toNanos(plan.measureMs());
        CpuUsage cpu = new CpuUsage();
        for (long i = 0; ; i++) {
            long scheduled = start + i * intervalNanos;
            boolean measured = scheduled >= measureFrom;
            if (measured && (plan.requests() > 0 ? tally.sent.sum() >= plan.requests()
                    : scheduled >= measureUntil)) {
                break;
            }
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (measured) {
                if (tally.sent.sum() == 0) {
                    cpu.mark();
                }
                tally.sent();
            }
            acquirer.submit(traffic.next(), scheduled).whenComplete((r, e) -> {
                if (measured) {
                    tally.add(r, e);
                }
            });
        }
        return finish(tally, measureFrom, false, cpu);
    }

    private static Run finish(Tally tally, long measureFrom, boolean stalled, CpuUsage cpu)
            throws InterruptedException {
        boolean drained = tally.awaitCompletion(System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS));
        cpu.stop();
        long elapsed = Math.max(1, tally.lastCompletionNanos() - measureFrom);
        return new Run(tally, elapsed, stalled || !drained, cpu);
    }

    /**
     * One measured run.
     *
     * @param elapsedNanos from the start of the measured part to its last completion
     * @param incomplete the loop stalled or some requests never completed
     * @param cpu CPU time per thread group over the measured part
     */
    record Run(Tally tally, long elapsedNanos, boolean incomplete, CpuUsage cpu) {
        double throughputPerSecond() {
            return tally.completed() * 1e9 / elapsedNanos;
        }
    }
}
