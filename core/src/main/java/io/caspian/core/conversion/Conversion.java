package io.caspian.core.conversion;

import io.caspian.core.money.Money;
import java.math.BigDecimal;

/**
 * The result of converting an amount: the amount in the target currency and the rate that
 * was applied, markup included, so the record shows exactly what the cardholder paid.
 */
public record Conversion(Money source, Money target, BigDecimal appliedRate) {
}
