package io.caspian.sim.time;

import java.time.Clock;

/**
 * Runs tasks after a delay, one at a time. Every simulator delay (issuer latency, late
 * answers, acquirer timeouts) goes through one, so a test can step time by hand.
 */
public interface Scheduler {

    /** Runs {@code task} after {@code delayMs} (0: as soon as possible). */
    Cancellable schedule(long delayMs, Runnable task);

    /** The clock the scheduler's time is read from. */
    Clock clock();

    /** Monotonic time for latencies, in nanoseconds. */
    long nanoTime();

    /** A scheduled task that may still be cancelled. */
    interface Cancellable {
        /** Cancels the task if it has not run; harmless otherwise. */
        void cancel();
    }
}
