package io.caspian.sim.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for tests and seeded simulations: nothing runs until {@link #advance} or
 * {@link #runDue} is called, on the caller's thread, in due-time order (ties in the order
 * scheduled). Not thread-safe.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Instant epoch;
    private long nowMs;
    private long sequence;

    private static final class Task implements Comparable<Task>, Cancellable {
        final long dueMs;
        final long sequence;
        final Runnable runnable;
        boolean cancelled;

        Task(long dueMs, long sequence, Runnable runnable) {
            this.dueMs = dueMs;
            this.sequence = sequence;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task o) {
            return dueMs != o.dueMs ? Long.compare(dueMs, o.dueMs)
                    : Long.compare(sequence, o.sequence);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** Virtual time starts at {@code epoch}. */
    public ManualScheduler(Instant epoch) {
        this.epoch = epoch;
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        Task t = new Task(nowMs + Math.max(0, delayMs), sequence++, task);
        queue.add(t);
        return t;
    }

    /** Runs everything due now, including what those tasks schedule for now. */
    public void runDue() {
        advance(0);
    }

    /** Moves time forward by {@code ms}, running each task at its due time. */
    public void advance(long ms) {
        long end = nowMs + ms;
        while (!queue.isEmpty() && queue.peek().dueMs <= end) {
            Task t = queue.poll();
            nowMs = t.dueMs;
            if (!t.cancelled) {
                t.runnable.run();
            }
        }
        nowMs = end;
    }

    /** Tasks waiting, cancelled ones included. */
    public int pending() {
        return queue.size();
    }

    public long nowMs() {
        return nowMs;
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return epoch.plusMillis(nowMs);
            }
        };
    }

    @Override
    public long nanoTime() {
        return nowMs * 1_000_000L;
    }
}
