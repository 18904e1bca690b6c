package io.caspian.sim.time;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A scheduler on one daemon thread, with the system clock. Close it to stop the thread. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ExecutorScheduler(String threadName, Clock clock) {
        this.clock = clock;
        ScheduledThreadPoolExecutor single = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // Every request arms a timeout that its answer cancels: drop cancelled ones at once
        // rather than keep tens of thousands in the delay queue until they fall due.
        single.setRemoveOnCancelPolicy(true);
        this.executor = single;
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(() -> runLogged(task), Math.max(0, delayMs),
                TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    // The top of this thread's loop: a failing task is logged and the thread lives on.
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("simulator task failed", t);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
