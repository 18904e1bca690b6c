package io.caspian.core.conversion;

import io.caspian.core.money.Currency;
import io.caspian.core.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange rates with effective times and a markup per direction, replaced whole on reload
 * (immutable: a reload builds a new table and swaps it in).
 *
 * <p>Rounding: the converted amount is rounded to the target currency's minor unit with
 * {@link RoundingMode#HALF_UP} (half a minor unit rounds away from zero), applied once, after
 * the markup. The applied rate is kept to 12 significant digits for the record.
 */
public final class RateTable {
    private static final MathContext RATE_PRECISION = new MathContext(12, RoundingMode.HALF_UP);

    private final List<Rate> rates;
    private final Map<String, Integer> markupBasisPoints;

    /**
     * @param rates rates in any order
     * @param markupBasisPoints markup per direction "FROM>TO" (e.g. "RUB>IRR") in basis
     *     points (1/100 of a percent) added to the rate in the cardholder's disfavour
     */
    public RateTable(List<Rate> rates, Map<String, Integer> markupBasisPoints) {
        List<Rate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparing(Rate::effectiveFrom));
        this.rates = List.copyOf(sorted);
        this.markupBasisPoints = Map.copyOf(markupBasisPoints);
    }

    /** The rate in force at {@code at} for source to target, without markup. */
    public Optional<Rate> rate(Currency source, Currency target, Instant at) {
        Rate found = null;
        for (Rate r : rates) {
            if (r.converts(source, target) && !r.effectiveFrom().isAfter(at)) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Converts {@code amount} into {@code target}; empty when no rate is in force. */
    public Optional<Conversion> convert(Money amount, Currency target, Instant at) {
        if (amount.currency().equals(target)) {
            return Optional.of(new Conversion(amount, amount, BigDecimal.ONE));
        }
        return rate(amount.currency(), target, at).map(r -> {
            int bp = markupBasisPoints.getOrDefault(
                    amount.currency().alpha() + ">" + target.alpha(), 0);
            BigDecimal applied = r.perUnit()
                    .multiply(BigDecimal.valueOf(10_000L + bp))
                    .divide(BigDecimal.valueOf(10_000L), RATE_PRECISION);
            BigDecimal major = amount.major().multiply(applied);
            BigDecimal minor = major.setScale(target.exponent(), RoundingMode.HALF_UP)
                    .movePointRight(target.exponent());
            return new Conversion(amount, new Money(minor.longValueExact(), target), applied);
        });
    }
}
