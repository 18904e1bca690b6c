package io.caspian.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Row ids (transactions, message records) in the layout of RFC 9562 UUID version 7: 48 bits of Unix time in
 * milliseconds, the version, then 74 random bits.
 *
 * <pre>
 *  0                   1                   2                   3
 * |          unix_ts_ms (32)                                      |
 * |   unix_ts_ms (16)             | ver=7 |    rand_a (12)        |
 * |var|                      rand_b (62)                          |
 * |                          rand_b                               |
 * </pre>
 *
 * Ids of consecutive requests sort together, so a new row and its history go to the end of
 * the store's primary-key indexes instead of to a random page of each: a commit of a group
 * of requests then writes a few index pages instead of one per request and index. The
 * random bits, from a generator seeded by {@link SecureRandom} at start (not the engine's
 * replayable seed), keep ids unique across restarts and nodes. One thread per instance.
 */
public final class TimeOrderedIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());

    /** The next id for a row created at {@code now}. */
    public UUID next(Instant now) {
        long millis = now.toEpochMilli();
        long high = (millis << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
        long low = VARIANT_RFC | (random.nextLong() >>> 2);
        return new UUID(high, low);
    }
}
