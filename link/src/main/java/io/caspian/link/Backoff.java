package io.caspian.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: reconnectMin doubled per failed attempt up to reconnectMax, then a
 * uniform draw from its upper half, so that a scheme's many connections (and many switch
 * nodes) that dropped together do not knock on the peer's door together.
 */
final class Backoff {
    private final long minMs;
    private final long maxMs;
    private final RandomGenerator random;

    Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minMs = min.toMillis();
        this.maxMs = max.toMillis();
        this.random = random;
    }

    /** The delay before attempt {@code attempt} (0 for the first retry). */
    long delayMs(int attempt) {
        long ceiling = minMs;
        for (int i = 0; i < attempt && ceiling < maxMs; i++) {
            ceiling = Math.min(maxMs, ceiling * 2 + 1);
        }
        ceiling = Math.min(ceiling, maxMs);
        if (ceiling <= 1) {
            return ceiling;
        }
        long half = ceiling / 2;
        return half + random.nextLong(ceiling - half + 1);
    }
}
