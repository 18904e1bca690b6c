package io.caspian.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7WithTheTimeInFrontAndSortByIt() {
        TimeOrderedIds ids = new TimeOrderedIds();
        Instant t = Instant.parse("2026-11-25T10:00:00.123Z");
        UUID first = ids.next(t);
        UUID later = ids.next(t.plusMillis(1));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
        // Both databases order UUIDs by their bytes, unsigned: the time decides.
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(),
                later.getMostSignificantBits())).isNegative();
    }

    @Test
    void idsOfOneMillisecondAreDistinctAndTwoGeneratorsDoNotRepeatEachOther() {
        TimeOrderedIds a = new TimeOrderedIds();
        TimeOrderedIds b = new TimeOrderedIds();
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(a.next(t));
            seen.add(b.next(t));
        }
        assertThat(seen).hasSize(20_000);
    }
}
