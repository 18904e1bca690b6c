package io.caspian.core.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.money.Currency;
import io.caspian.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Conversion to the minor unit: markup, effective times and rounding, exactly. */
class RateTableTest {
    static final Currency RUB = new Currency("RUB", 643, 2);
    static final Currency IRR = new Currency("IRR", 364, 0);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-06-01T00:00:00Z");

    final RateTable table = new RateTable(List.of(
            new Rate("RUB", "IRR", new BigDecimal("440"), T0),
            new Rate("RUB", "IRR", new BigDecimal("455.5"), T1),
            new Rate("IRR", "RUB", new BigDecimal("0.00225"), T0)),
            Map.of("RUB>IRR", 100));

    @Test
    void theRateInForceAtTheMomentIsUsedWithItsMarkup() {
        Conversion before = table.convert(new Money(150_000, RUB), IRR,
                T1.minusSeconds(1)).orElseThrow();
        assertThat(before.target()).isEqualTo(new Money(666_600, IRR));
        assertThat(before.appliedRate()).isEqualByComparingTo("444.4");
        Conversion after = table.convert(new Money(150_000, RUB), IRR, T1).orElseThrow();
        // 1500 x 455.5 x 1.01 = 690,082.5 IRR: half a rial rounds up.
        assertThat(after.target().minor()).isEqualTo(690_083);
    }

    @Test
    void halfAMinorUnitRoundsUpOnce() {
        // 0.01 RUB x 444.4 = 4.444 IRR -> 4 rials.
        assertThat(table.convert(new Money(1, RUB), IRR, T0).orElseThrow().target().minor())
                .isEqualTo(4);
        // 1 IRR x 0.00225 = 0.00225 RUB -> 0.00; 3 IRR -> 0.00675 -> 0.01
        assertThat(table.convert(new Money(1, IRR), RUB, T0).orElseThrow().target().minor())
                .isZero();
        assertThat(table.convert(new Money(3, IRR), RUB, T0).orElseThrow().target().minor())
                .isEqualTo(1);
    }

    @Test
    void noRateBeforeTheFirstEffectiveTime() {
        assertThat(table.convert(new Money(100, RUB), IRR, T0.minusSeconds(1))).isEmpty();
    }

    @Property
    void theConvertedAmountIsTheExactProductRoundedHalfUp(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long kopecks) {
        Conversion c = table.convert(new Money(kopecks, RUB), IRR, T0).orElseThrow();
        BigDecimal exact = BigDecimal.valueOf(kopecks, 2).multiply(new BigDecimal("444.4"));
        assertThat(c.target().minor()).isEqualTo(exact.setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
        // Never more than half a rial from the exact product.
        assertThat(exact.subtract(BigDecimal.valueOf(c.target().minor())).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.5"));
    }

    @Property
    void conversionIsMonotonic(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long a,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long b) {
        long ca = table.convert(new Money(a, RUB), IRR, T0).orElseThrow().target().minor();
        long cb = table.convert(new Money(b, RUB), IRR, T0).orElseThrow().target().minor();
        assertThat(Long.compare(ca, cb)).isIn(0, Long.signum(Long.compare(a, b)));
    }
}
