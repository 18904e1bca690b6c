package io.caspian.store;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The committer's view of the database. Written by the committer thread only; read by
 * anyone through {@link #snapshot(int)}.
 */
final class HealthTracker {
    private record State(StoreHealth.Status status, Instant since, String lastError,
            Instant nextProbeAt) {
    }

    private final Clock clock;
    private final long reconnectProbeIntervalMs;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile State state;

    HealthTracker(Clock clock, long reconnectProbeIntervalMs) {
        this.clock = clock;
        this.reconnectProbeIntervalMs = reconnectProbeIntervalMs;
        Instant now = clock.instant();
        this.state = new State(StoreHealth.Status.UP, now, null, now);
    }

    void up() {
        State current = state;
        if (current.status() != StoreHealth.Status.UP) {
            state = new State(StoreHealth.Status.UP, clock.instant(), current.lastError(),
                    clock.instant());
        }
    }

    void down(String error) {
        State current = state;
        Instant now = clock.instant();
        Instant since = current.status() == StoreHealth.Status.DOWN ? current.since() : now;
        state = new State(StoreHealth.Status.DOWN, since, error,
                now.plusMillis(reconnectProbeIntervalMs));
    }

    /** While down, true only once the probe interval has passed since the last failure. */
    boolean mayTryDatabase() {
        State current = state;
        return current.status() == StoreHealth.Status.UP
                || !clock.instant().isBefore(current.nextProbeAt());
    }

    boolean isDown() {
        return state.status() == StoreHealth.Status.DOWN;
    }

    String downDetail() {
        State current = state;
        return "database down since " + current.since() + " (" + current.lastError()
                + "); next try at " + current.nextProbeAt();
    }

    void countCommitted(int submissions) {
        committed.addAndGet(submissions);
    }

    void countCommit() {
        commits.incrementAndGet();
    }

    void countFailed(int submissions) {
        failed.addAndGet(submissions);
    }

    StoreHealth snapshot(int queueDepth) {
        State current = state;
        return new StoreHealth(current.status(), current.since(), current.lastError(),
                queueDepth, committed.get(), failed.get(), commits.get());
    }
}
