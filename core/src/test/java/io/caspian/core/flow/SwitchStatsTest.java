package io.caspian.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwitchStatsTest {

    @Test
    void quantilesAreBucketUpperBoundsOverTheWholeRun() {
        SwitchStats stats = new SwitchStats();
        assertThat(stats.latencyQuantileMicros(0.99)).isZero();
        for (int i = 0; i < 99; i++) {
            stats.latencyMicros(90);
        }
        stats.latencyMicros(2_000_000);
        // 50 µs doubling: 90 µs is in the bucket up to 100 µs, 2 s in the one up to 3.28 s.
        assertThat(stats.latencyQuantileMicros(0.5)).isEqualTo(100);
        assertThat(stats.latencyQuantileMicros(0.99)).isEqualTo(100);
        assertThat(stats.latencyQuantileMicros(1.0)).isEqualTo(50L << 16);
    }

    @Test
    void theDifferenceOfTwoCopiesCountsOnlyWhatCameBetween() {
        SwitchStats stats = new SwitchStats();
        stats.latencyMicros(2_000_000);
        long[] before = stats.latencyCounts();
        for (int i = 0; i < 10; i++) {
            stats.latencyMicros(700);
        }
        long[] after = stats.latencyCounts();
        long[] between = after.clone();
        for (int i = 0; i < between.length; i++) {
            between[i] -= before[i];
        }
        assertThat(SwitchStats.quantileMicros(between, 0.99)).isEqualTo(800);
        assertThat(SwitchStats.quantileMicros(after, 0.99)).isEqualTo(50L << 16);
        assertThat(SwitchStats.quantileMicros(new long[after.length], 0.99)).isZero();
    }
}
