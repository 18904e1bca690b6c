package io.caspian.sim.load;

import io.caspian.sim.time.LatencyHistogram;

/**
 * What one load run did.
 *
 * @param mode {@code closed} or {@code open}
 * @param sent requests submitted
 * @param answered requests answered (approved or declined)
 * @param approved requests approved
 * @param timedOut requests the acquirer gave up on
 * @param notSent requests the link refused
 * @param elapsedNanos from the first send to the last completion
 * @param latency nanoseconds; closed loop from sending, open loop from the scheduled time
 */
public record LoadReport(String mode, long sent, long answered, long approved, long timedOut,
        long notSent, long elapsedNanos, LatencyHistogram latency) {

    /** Completed requests per second. */
    public double throughputPerSecond() {
        return elapsedNanos == 0 ? 0 : (answered + timedOut + notSent) * 1e9 / elapsedNanos;
    }

    @Override
    public String toString() {
        return String.format("%s loop: sent=%d answered=%d approved=%d timedOut=%d notSent=%d "
                + "%.0f/s %s", mode, sent, answered, approved, timedOut, notSent,
                throughputPerSecond(), latency.summaryMs());
    }
}
