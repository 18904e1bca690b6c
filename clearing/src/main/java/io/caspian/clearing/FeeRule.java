package io.caspian.clearing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One interchange rule: for transactions acquired in {@code acquirerScheme} of the given
 * types and merchant category group, {@code percent} of the acquirer amount plus
 * {@code fixedMinor} (acquirer currency), from {@code effectiveFrom} on.
 *
 * @param acquirerScheme scheme whose terminals the rule covers; fixed parts are in its
 *     currency
 * @param types transaction types covered
 * @param mccGroup name of a merchant category group, or null for any merchant
 * @param percent percentage of the amount, e.g. {@code 0.80}
 * @param fixedMinor fixed part, minor units of the acquirer's currency
 * @param paidBy which side pays the interchange to the other
 * @param effectiveFrom first business date the rule applies to
 */
public record FeeRule(String acquirerScheme, Set<TransactionKind> types, String mccGroup,
        BigDecimal percent, long fixedMinor, Payer paidBy, LocalDate effectiveFrom) {

    /** Which side of a transaction pays a fee. */
    public enum Payer {
        ACQUIRER,
        ISSUER
    }

    public FeeRule {
        Checks.check(acquirerScheme != null && !types.isEmpty(), "a rule needs scheme and types");
        Checks.check(percent.signum() >= 0 && fixedMinor >= 0, "fees are not negative");
        types = Set.copyOf(types);
    }
}
