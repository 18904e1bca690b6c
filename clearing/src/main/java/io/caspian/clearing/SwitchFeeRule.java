package io.caspian.clearing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Caspian's own fee on transactions acquired in {@code acquirerScheme}: {@code percent} of
 * the acquirer amount plus {@code fixedMinor}, paid by the acquiring side, from
 * {@code effectiveFrom} on.
 */
public record SwitchFeeRule(String acquirerScheme, BigDecimal percent, long fixedMinor,
        LocalDate effectiveFrom) {
    public SwitchFeeRule {
        Checks.check(percent.signum() >= 0 && fixedMinor >= 0, "fees are not negative");
    }
}
