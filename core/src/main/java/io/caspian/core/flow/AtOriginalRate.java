package io.caspian.core.flow;

import io.caspian.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of a message that follows an original (a completion, a partial reversal), in the
 * issuer's currency at the rate the original was converted at: never at today's rate, so
 * an original and what follows it convert consistently.
 *
 * <p>Rounding: once, half up, to the issuer currency's minor unit, as for the original. A
 * partial reversal's reversed part is the original's issuer amount minus the converted
 * remaining amount, so remaining + reversed = original exactly, to the minor unit (I4).
 */
final class AtOriginalRate {
    private AtOriginalRate() {
    }

    /**
     * {@code amount} (in the original's acquirer currency) in the issuer's currency; the
     * original's own issuer amount when it equals the original's acquirer amount.
     */
    static Money convert(ReversalTarget original, Money amount) {
        Money target = original.issuerAmount();
        Money source = original.acquirerAmount();
        if (source == null || amount.minor() == source.minor()) {
            return target;
        }
        if (!amount.currency().equals(source.currency())) {
            throw new IllegalArgumentException("amount in " + amount.currency().alpha()
                    + ", original in " + source.currency().alpha());
        }
        BigDecimal major = amount.major().multiply(original.rate());
        long minor = major.setScale(target.currency().exponent(), RoundingMode.HALF_UP)
                .movePointRight(target.currency().exponent()).longValueExact();
        return new Money(minor, target.currency());
    }

    /**
     * The issuer-side part of a partial reversal that leaves {@code remaining} (acquirer
     * currency) of the original standing: original issuer amount minus the converted
     * remaining amount. The full original when nothing remains.
     */
    static Money reversedPart(ReversalTarget original, Money remaining) {
        if (remaining.minor() == 0) {
            return original.issuerAmount();
        }
        Money left = convert(original, remaining);
        if (left.minor() >= original.issuerAmount().minor()) {
            return original.issuerAmount();
        }
        return original.issuerAmount().minus(left);
    }
}
