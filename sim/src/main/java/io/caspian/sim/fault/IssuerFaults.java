package io.caspian.sim.fault;

import java.util.Objects;
import java.util.Random;

/**
 * The faults an issuer host shows now, changed at runtime by tests and the demo, and the
 * plan for each message drawn from a seeded source. Thread-safe.
 */
public final class IssuerFaults {
    private final Random random;
    private volatile FaultSettings settings;

    public IssuerFaults(FaultSettings initial, Random random) {
        this.settings = Objects.requireNonNull(initial, "initial");
        this.random = random;
    }

    public FaultSettings settings() {
        return settings;
    }

    /** Replaces every knob at once. */
    public void set(FaultSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "newSettings");
    }

    public void setLatency(Latency latency) {
        settings = settings.withLatency(latency);
    }

    public void setDropFraction(double fraction) {
        settings = settings.withDrop(fraction);
    }

    public void setLate(double fraction, long delayMs) {
        settings = settings.withLate(fraction, delayMs);
    }

    public void setGarbageFraction(double fraction) {
        settings = settings.withGarbage(fraction);
    }

    public void setDisconnect(double fraction, long downMs) {
        settings = settings.withDisconnect(fraction, downMs);
    }

    public void setDown(boolean down) {
        settings = settings.withDown(down);
    }

    /** Back to a healthy host answering at once. */
    public void clear() {
        settings = FaultSettings.none();
    }

    /** The plan for the next message. */
    public synchronized FaultPlan next() {
        FaultSettings s = settings;
        if (s.down()) {
            return new FaultPlan.Unavailable();
        }
        double u = random.nextDouble();
        long latency = s.latency().nextMs(random);
        if ((u -= s.dropFraction()) < 0) {
            return new FaultPlan.Drop();
        }
        if ((u -= s.lateFraction()) < 0) {
            return new FaultPlan.Late(s.lateDelayMs());
        }
        if ((u -= s.garbageFraction()) < 0) {
            return new FaultPlan.Garbage();
        }
        if (u - s.disconnectFraction() < 0) {
            return new FaultPlan.Disconnect(s.disconnectDownMs());
        }
        return new FaultPlan.Answer(latency);
    }
}
