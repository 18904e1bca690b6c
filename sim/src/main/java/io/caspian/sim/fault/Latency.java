package io.caspian.sim.fault;

import java.util.Random;

/** How long an issuer takes to answer, drawn per message. */
public sealed interface Latency {

    /** The next delay in milliseconds. */
    long nextMs(Random random);

    /** Always the same. */
    record Fixed(long ms) implements Latency {
        public Fixed {
            if (ms < 0) {
                throw new IllegalArgumentException("latency ms >= 0");
            }
        }

        @Override
        public long nextMs(Random random) {
            return ms;
        }
    }

    /** Uniform in [minMs, maxMs]. */
    record Uniform(long minMs, long maxMs) implements Latency {
        public Uniform {
            if (minMs < 0 || maxMs < minMs) {
                throw new IllegalArgumentException("0 <= minMs <= maxMs");
            }
        }

        @Override
        public long nextMs(Random random) {
            return minMs + (long) (random.nextDouble() * (maxMs - minMs + 1));
        }
    }

    /**
     * Log-normal around a median, cut at a cap: the long right tail real hosts show.
     *
     * @param medianMs the median
     * @param sigma spread of the logarithm; 0.5 gives a p99 about 3.2 times the median
     * @param capMs no delay is longer
     */
    record LogNormal(double medianMs, double sigma, long capMs) implements Latency {
        public LogNormal {
            if (medianMs <= 0 || sigma < 0 || capMs < 0) {
                throw new IllegalArgumentException("medianMs > 0, sigma >= 0, capMs >= 0");
            }
        }

        @Override
        public long nextMs(Random random) {
            double v = medianMs * Math.exp(sigma * random.nextGaussian());
            return Math.min(capMs, Math.round(v));
        }
    }

    static Latency none() {
        return new Fixed(0);
    }
}
