package io.caspian.core.port;

import java.time.Instant;

/**
 * Time and timers for the switch. Every task, and every call into the switch engine, runs
 * on one thread (the engine's), so flows need no locks; {@link #execute} hands work to it.
 */
public interface Scheduler {

    Instant now();

    /** Runs {@code task} on the engine thread as soon as possible. */
    void execute(Runnable task);

    /** Runs {@code task} on the engine thread after {@code delayMs}; cancel() stops it. */
    Cancellable schedule(long delayMs, Runnable task);

    /** A scheduled task. */
    interface Cancellable {
        void cancel();
    }
}
