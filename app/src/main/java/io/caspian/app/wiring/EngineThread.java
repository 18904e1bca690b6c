package io.caspian.app.wiring;

import io.caspian.core.port.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one thread, as core's {@link Scheduler}. A task that throws is logged and
 * counted at the top of the loop and the thread goes on (STYLE.md: nothing swallowed, one
 * handler).
 */
public final class EngineThread implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineThread.class);

    private final ScheduledThreadPoolExecutor executor = newExecutor();
    private final Clock clock;
    private final LongAdder failures = new LongAdder();

    /**
     * One thread; a cancelled timer leaves the queue at once (remove on cancel), so the
     * issuer-timeout timer of every answered request does not hold its exchange in memory
     * for the rest of the timeout.
     */
    private static ScheduledThreadPoolExecutor newExecutor() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "caspian-engine");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    public EngineThread(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(guarded(task), delayMs, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    public void every(long periodMs, Runnable task) {
        executor.scheduleWithFixedDelay(guarded(task), periodMs, periodMs,
                TimeUnit.MILLISECONDS);
    }

    /** Runs a task on the engine thread and waits for it. */
    public void runAndWait(Runnable task) {
        try {
            executor.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Tasks that threw since start. */
    public long failures() {
        return failures.sum();
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                failures.increment();
                LOG.error("engine task failed", t);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
