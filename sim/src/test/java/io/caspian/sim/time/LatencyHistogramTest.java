package io.caspian.sim.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfAUniformSpreadAreWithinTheBucketError() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1_000);
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat((double) h.p50()).isCloseTo(50_000_000, within(50_000_000 * 0.035));
        assertThat((double) h.p99()).isCloseTo(99_000_000, within(99_000_000 * 0.035));
        assertThat((double) h.p999()).isCloseTo(99_900_000, within(99_900_000 * 0.035));
        assertThat(h.percentile(100)).isEqualTo(100_000_000);
        assertThat(h.max()).isEqualTo(100_000_000);
        assertThat(h.min()).isEqualTo(1_000);
    }

    @Test
    void aTailShowsInTheHighPercentilesOnly() {
        LatencyHistogram h = new LatencyHistogram();
        Random r = new Random(1);
        for (int i = 0; i < 9_900; i++) {
            h.record(1_000_000 + r.nextInt(100_000));
        }
        for (int i = 0; i < 100; i++) {
            h.record(500_000_000);
        }
        assertThat(h.p50()).isLessThan(1_200_000);
        assertThat(h.p99()).isLessThan(1_200_000);
        assertThat(h.p999()).isGreaterThan(480_000_000);
    }

    @Test
    void emptyAndSmallValues() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.p99()).isZero();
        h.record(3);
        h.record(-5);
        assertThat(h.p50()).isZero();
        assertThat(h.percentile(100)).isEqualTo(3);
        LatencyHistogram other = new LatencyHistogram();
        other.record(7);
        h.add(other);
        assertThat(h.count()).isEqualTo(3);
        assertThat(h.max()).isEqualTo(7);
    }

    @Property
    void everyValueLandsInABucketThatHoldsIt(@ForAll @LongRange(min = 0) long v) {
        int i = LatencyHistogram.index(v);
        assertThat(LatencyHistogram.upperBound(i)).isGreaterThanOrEqualTo(v);
        assertThat(i == 0 || LatencyHistogram.upperBound(i - 1) < v).isTrue();
        long below = i == 0 ? -1 : LatencyHistogram.upperBound(i - 1);
        long width = LatencyHistogram.upperBound(i) - below;
        assertThat((double) width).isLessThanOrEqualTo(Math.max(1.0, v / 32.0 + 1));
    }
}
