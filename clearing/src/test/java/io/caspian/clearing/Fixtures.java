package io.caspian.clearing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The two reference schemes and a fee schedule, as tests use them. */
final class Fixtures {
    static final LocalDate FEES_FROM = LocalDate.of(2026, 1, 1);

    private Fixtures() {
    }

    static Map<String, SchemeCalendar> schemes() {
        return Map.of(
                "mir", new SchemeCalendar("mir", ZoneId.of("Europe/Moscow"), LocalTime.MIDNIGHT,
                        643, "RUB", 2),
                "shetab", new SchemeCalendar("shetab", ZoneId.of("Asia/Tehran"),
                        LocalTime.MIDNIGHT, 364, "IRR", 0));
    }

    /**
     * Purchases: 1.00% + 5.00 RUB at Mir terminals, 0.80% + 2,000 IRR at Shetab ones (1.20%
     * at groceries from 2026-06-01), paid by the acquirer; ATM cash: 0.50% + 100.00 RUB paid
     * by the issuer; switch fee 0.10% (+ 1,000 IRR at Shetab terminals).
     */
    static FeeSchedule fees() {
        Set<TransactionKind> buy = EnumSet.of(TransactionKind.PURCHASE, TransactionKind.TRANSFER);
        return new FeeSchedule(List.of(
                new FeeRule("mir", buy, null, new BigDecimal("1.00"), 500,
                        FeeRule.Payer.ACQUIRER, FEES_FROM),
                new FeeRule("mir", Set.of(TransactionKind.CASH_WITHDRAWAL), null,
                        new BigDecimal("0.50"), 10_000, FeeRule.Payer.ISSUER, FEES_FROM),
                new FeeRule("shetab", buy, null, new BigDecimal("0.80"), 2_000,
                        FeeRule.Payer.ACQUIRER, FEES_FROM),
                new FeeRule("shetab", buy, "grocery", new BigDecimal("1.20"), 0,
                        FeeRule.Payer.ACQUIRER, LocalDate.of(2026, 6, 1))),
                List.of(new SwitchFeeRule("mir", new BigDecimal("0.10"), 0, FEES_FROM),
                        new SwitchFeeRule("shetab", new BigDecimal("0.10"), 1_000, FEES_FROM)),
                Map.of("grocery", Set.of("5411", "5422")));
    }

    static ClearingSettings settings(Path output) {
        return new ClearingSettings(schemes(), output, fees(),
                ClearingSettings.Settlement.OWN_CURRENCIES, ClearingSettings.DisputeRules.DEFAULT);
    }
}
