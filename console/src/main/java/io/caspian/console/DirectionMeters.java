package io.caspian.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The meters of one direction, e.g. {@code mir>shetab} (acquiring scheme, issuing scheme). */
final class DirectionMeters {
    final Counter approved;
    final Counter declined;
    final Counter standIns;
    final Counter timeouts;
    final Counter undelivered;
    final Timer latency;

    DirectionMeters(MeterRegistry registry, String direction) {
        approved = outcome(registry, direction, "approved");
        declined = outcome(registry, direction, "declined");
        standIns = Counter.builder("caspian.stand.ins").tag("direction", direction)
                .description("Requests approved by stand-in").register(registry);
        timeouts = Counter.builder("caspian.timeouts").tag("direction", direction)
                .description("Requests the issuer did not answer in time (then reversed)")
                .register(registry);
        undelivered = Counter.builder("caspian.replies.undelivered")
                .tag("direction", direction)
                .description("Replies the acquirer's link did not take").register(registry);
        latency = Timer.builder("caspian.request.latency").tag("direction", direction)
                .description("Request received to reply sent, inside the switch")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .distributionStatisticExpiry(Duration.ofSeconds(60))
                .distributionStatisticBufferLength(3).register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String direction, String outcome) {
        return Counter.builder("caspian.requests").tag("direction", direction)
                .tag("outcome", outcome).description("Requests answered, by outcome")
                .register(registry);
    }

    long answered() {
        return (long) (approved.count() + declined.count());
    }

    /** Percentile in milliseconds over the last minute or so; 0 when none. */
    double percentileMs(double p) {
        for (ValueAtPercentile v : latency.takeSnapshot().percentileValues()) {
            if (v.percentile() == p) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }
}
