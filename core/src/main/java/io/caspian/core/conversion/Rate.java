package io.caspian.core.conversion;

import io.caspian.core.money.Currency;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Units of {@code to} per one unit of {@code from} (major units), in force from
 * {@code effectiveFrom}. Exact decimal, never floating point.
 */
public record Rate(String from, String to, BigDecimal perUnit, Instant effectiveFrom) {
    public Rate {
        if (perUnit.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + from + "/" + to);
        }
    }

    boolean converts(Currency source, Currency target) {
        return source.alpha().equals(from) && target.alpha().equals(to);
    }
}
