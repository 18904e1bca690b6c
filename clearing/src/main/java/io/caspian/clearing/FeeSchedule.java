package io.caspian.clearing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Interchange and switch fees with effective dates. The rule in force for a transaction is
 * the matching one with the latest {@code effectiveFrom} not after its business date (among
 * equals, the first listed). Rounding: a fee is {@code amount × percent / 100} rounded half
 * up to the minor unit, plus the fixed part, per record; a zero amount pays no fee.
 */
public final class FeeSchedule {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<FeeRule> interchange;
    private final List<SwitchFeeRule> switchFees;
    private final Map<String, Set<String>> mccGroups;

    public FeeSchedule(List<FeeRule> interchange, List<SwitchFeeRule> switchFees,
            Map<String, Set<String>> mccGroups) {
        this.interchange = List.copyOf(interchange);
        this.switchFees = List.copyOf(switchFees);
        this.mccGroups = Map.copyOf(mccGroups);
        for (FeeRule r : interchange) {
            Checks.check(r.mccGroup() == null || mccGroups.containsKey(r.mccGroup()),
                    "unknown merchant category group " + r.mccGroup());
        }
    }

    /** No fees at all. */
    public static FeeSchedule none() {
        return new FeeSchedule(List.of(), List.of(), Map.of());
    }

    /**
     * Interchange on {@code amountMinor}: positive when the acquirer pays the issuer,
     * negative when the issuer pays the acquirer, 0 when no rule applies.
     */
    public long interchange(String acquirer, TransactionKind type, String mcc, LocalDate date,
            long amountMinor) {
        Optional<FeeRule> rule = interchange.stream()
                .filter(r -> r.acquirerScheme().equals(acquirer) && r.types().contains(type)
                        && !r.effectiveFrom().isAfter(date) && inGroup(r.mccGroup(), mcc))
                .max(Comparator.comparing(FeeRule::effectiveFrom)
                        .thenComparing(r -> -interchange.indexOf(r)));
        if (rule.isEmpty() || amountMinor == 0) {
            return 0;
        }
        long fee = fee(amountMinor, rule.get().percent(), rule.get().fixedMinor());
        return rule.get().paidBy() == FeeRule.Payer.ACQUIRER ? fee : -fee;
    }

    /** Caspian's fee on {@code amountMinor}, paid by the acquirer's side; 0 without a rule. */
    public long switchFee(String acquirer, LocalDate date, long amountMinor) {
        Optional<SwitchFeeRule> rule = switchFees.stream()
                .filter(r -> r.acquirerScheme().equals(acquirer)
                        && !r.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(SwitchFeeRule::effectiveFrom)
                        .thenComparing(r -> -switchFees.indexOf(r)));
        if (rule.isEmpty() || amountMinor == 0) {
            return 0;
        }
        return fee(amountMinor, rule.get().percent(), rule.get().fixedMinor());
    }

    private boolean inGroup(String group, String mcc) {
        return group == null || (mcc != null && mccGroups.get(group).contains(mcc));
    }

    /** {@code amount × percent / 100}, half up to the minor unit, plus {@code fixed}. */
    static long fee(long amountMinor, BigDecimal percent, long fixedMinor) {
        long share = BigDecimal.valueOf(amountMinor).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        return Math.addExact(share, fixedMinor);
    }
}
