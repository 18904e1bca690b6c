package io.caspian.sim.fault;

import java.util.Objects;

/**
 * An issuer host's behaviour knobs. Fractions are probabilities per message, 0..1, drawn in
 * the order drop, late, garbage, disconnect; what is left is answered after {@code latency}.
 *
 * @param latency delay of a normal answer
 * @param dropFraction the issuer processes the message but its answer is lost (the switch
 *     times out although the ledger moved: the case reversals exist for)
 * @param lateFraction the answer comes after {@code lateDelayMs} (meant to be after the
 *     switch's timeout)
 * @param lateDelayMs delay of a late answer
 * @param garbageFraction the answer is replaced by garbage
 * @param disconnectFraction the connection drops instead of the answer
 * @param disconnectDownMs how long the host stays away after a disconnect
 * @param down the host is unreachable: nothing is processed or answered
 */
public record FaultSettings(Latency latency, double dropFraction, double lateFraction,
        long lateDelayMs, double garbageFraction, double disconnectFraction,
        long disconnectDownMs, boolean down) {

    public FaultSettings {
        Objects.requireNonNull(latency, "latency");
        for (double f : new double[] {dropFraction, lateFraction, garbageFraction,
            disconnectFraction}) {
            if (f < 0 || f > 1) {
                throw new IllegalArgumentException("fault fractions are 0..1");
            }
        }
        if (dropFraction + lateFraction + garbageFraction + disconnectFraction > 1) {
            throw new IllegalArgumentException("fault fractions add up to at most 1");
        }
        if (lateDelayMs < 0 || disconnectDownMs < 0) {
            throw new IllegalArgumentException("lateDelayMs and disconnectDownMs >= 0");
        }
    }

    /** A healthy host answering at once. */
    public static FaultSettings none() {
        return new FaultSettings(Latency.none(), 0, 0, 0, 0, 0, 0, false);
    }

    public FaultSettings withLatency(Latency l) {
        return new FaultSettings(l, dropFraction, lateFraction, lateDelayMs, garbageFraction,
                disconnectFraction, disconnectDownMs, down);
    }

    public FaultSettings withDrop(double fraction) {
        return new FaultSettings(latency, fraction, lateFraction, lateDelayMs, garbageFraction,
                disconnectFraction, disconnectDownMs, down);
    }

    public FaultSettings withLate(double fraction, long delayMs) {
        return new FaultSettings(latency, dropFraction, fraction, delayMs, garbageFraction,
                disconnectFraction, disconnectDownMs, down);
    }

    public FaultSettings withGarbage(double fraction) {
        return new FaultSettings(latency, dropFraction, lateFraction, lateDelayMs, fraction,
                disconnectFraction, disconnectDownMs, down);
    }

    public FaultSettings withDisconnect(double fraction, long downMs) {
        return new FaultSettings(latency, dropFraction, lateFraction, lateDelayMs,
                garbageFraction, fraction, downMs, down);
    }

    public FaultSettings withDown(boolean isDown) {
        return new FaultSettings(latency, dropFraction, lateFraction, lateDelayMs,
                garbageFraction, disconnectFraction, disconnectDownMs, isDown);
    }
}
