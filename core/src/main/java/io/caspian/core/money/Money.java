package io.caspian.core.money;

import java.math.BigDecimal;

/** An amount in integer minor units of a currency; never a floating-point number. */
public record Money(long minor, Currency currency) {
    public Money {
        if (minor < 0) {
            throw new IllegalArgumentException("amounts are never negative: " + minor);
        }
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
    }

    /** The amount in major units, exactly, e.g. 1500.00 for 150000 kopecks. */
    public BigDecimal major() {
        return BigDecimal.valueOf(minor, currency.exponent());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return major().toPlainString() + " " + currency.alpha();
    }
}
