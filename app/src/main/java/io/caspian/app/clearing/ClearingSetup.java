package io.caspian.app.clearing;

import io.caspian.app.config.CaspianConfig;
import io.caspian.app.config.CaspianConfig.ClearingSection;
import io.caspian.app.config.ConfigException;
import io.caspian.app.config.Settings;
import io.caspian.clearing.ClearingSettings;
import io.caspian.clearing.FeeRule;
import io.caspian.clearing.FeeSchedule;
import io.caspian.clearing.SchemeCalendar;
import io.caspian.clearing.SwitchFeeRule;
import io.caspian.clearing.TransactionKind;
import io.caspian.core.flow.SchemeSettings;
import io.caspian.core.money.Currency;
import io.caspian.core.money.CurrencyTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds {@link ClearingSettings} from the {@code clearing} section, checking every key. */
public final class ClearingSetup {
    private final String source;

    private ClearingSetup(String source) {
        this.source = source;
    }

    /**
     * The clearing settings of a configuration; without a {@code clearing} section: no
     * fees, cut-over at midnight, each side in its own currency, files under
     * {@code defaultOutput}.
     */
    public static ClearingSettings of(CaspianConfig c, Settings settings, String source,
            Path defaultOutput) throws ConfigException {
        return new ClearingSetup(source).build(c.clearing(), settings, defaultOutput);
    }

    private ClearingSettings build(ClearingSection c, Settings settings, Path defaultOutput)
            throws ConfigException {
        ClearingSection s = c == null
                ? new ClearingSection(null, null, null, null, null, null, null, null) : c;
        Map<String, SchemeCalendar> schemes = new TreeMap<>();
        Map<String, String> cutOver = s.cutOver() == null ? Map.of() : s.cutOver();
        for (String id : cutOver.keySet()) {
            require(settings.switchSettings().schemes().containsKey(id), "clearing.cutOver."
                    + id, "is not a configured scheme");
        }
        for (SchemeSettings scheme : settings.switchSettings().schemes().values()) {
            String id = scheme.wire().scheme();
            Currency ccy = scheme.wire().currency();
            schemes.put(id, new SchemeCalendar(id, scheme.zone(),
                    time(cutOver.get(id), "clearing.cutOver." + id), ccy.numeric(), ccy.alpha(),
                    ccy.exponent()));
        }
        Map<String, Set<String>> groups = new HashMap<>();
        if (s.mccGroups() != null) {
            s.mccGroups().forEach((k, v) -> groups.put(k, Set.copyOf(v)));
        }
        List<FeeRule> interchange = new ArrayList<>();
        List<CaspianConfig.InterchangeEntry> entries = s.interchange() == null ? List.of()
                : s.interchange();
        for (int i = 0; i < entries.size(); i++) {
            interchange.add(rule(entries.get(i), "clearing.interchange[" + i + "]", schemes,
                    groups));
        }
        List<SwitchFeeRule> switchFees = new ArrayList<>();
        List<CaspianConfig.SwitchFeeEntry> fees = s.switchFees() == null ? List.of()
                : s.switchFees();
        for (int i = 0; i < fees.size(); i++) {
            String at = "clearing.switchFees[" + i + "]";
            CaspianConfig.SwitchFeeEntry f = fees.get(i);
            require(schemes.containsKey(f.acquirer()), at + ".acquirer",
                    "is not a configured scheme");
            require(f.fixedMinor() >= 0, at + ".fixedMinor", "must not be negative");
            switchFees.add(new SwitchFeeRule(f.acquirer(), percent(f.percent(), at + ".percent"),
                    f.fixedMinor(), date(f.effectiveFrom(), at + ".effectiveFrom")));
        }
        Path output = s.outputDir() == null ? defaultOutput : Path.of(s.outputDir());
        ClearingSettings.DisputeRules disputes = ClearingSettings.DisputeRules.DEFAULT;
        if (s.disputes() != null) {
            require(s.disputes().chargebackDays() > 0, "clearing.disputes.chargebackDays",
                    "must be positive");
            require(s.disputes().responseDays() > 0, "clearing.disputes.responseDays",
                    "must be positive");
            disputes = new ClearingSettings.DisputeRules(s.disputes().chargebackDays(),
                    s.disputes().responseDays());
        }
        return new ClearingSettings(schemes, output,
                new FeeSchedule(interchange, switchFees, groups), settlement(s), disputes);
    }

    private FeeRule rule(CaspianConfig.InterchangeEntry e, String at,
            Map<String, SchemeCalendar> schemes, Map<String, Set<String>> groups)
            throws ConfigException {
        require(schemes.containsKey(e.acquirer()), at + ".acquirer", "is not a configured scheme");
        require(e.types() != null && !e.types().isEmpty(), at + ".types", "lists no types");
        Set<TransactionKind> types = EnumSet.noneOf(TransactionKind.class);
        for (String t : e.types()) {
            try {
                types.add(TransactionKind.valueOf(t));
            } catch (IllegalArgumentException ex) {
                throw fail(at + ".types", "'" + t + "' is not PURCHASE, CASH_WITHDRAWAL, REFUND"
                        + " or TRANSFER");
            }
        }
        require(e.mccGroup() == null || groups.containsKey(e.mccGroup()), at + ".mccGroup",
                "'" + e.mccGroup() + "' is not in clearing.mccGroups");
        require(e.fixedMinor() >= 0, at + ".fixedMinor", "must not be negative");
        FeeRule.Payer payer;
        try {
            payer = FeeRule.Payer.valueOf(e.paidBy() == null ? "ACQUIRER" : e.paidBy());
        } catch (IllegalArgumentException ex) {
            throw fail(at + ".paidBy", "must be ACQUIRER or ISSUER");
        }
        return new FeeRule(e.acquirer(), types, e.mccGroup(), percent(e.percent(),
                at + ".percent"), e.fixedMinor(), payer, date(e.effectiveFrom(),
                        at + ".effectiveFrom"));
    }

    private ClearingSettings.Settlement settlement(ClearingSection s) throws ConfigException {
        if (s.settlementCurrency() == null) {
            require(s.settlementRates() == null || s.settlementRates().isEmpty(),
                    "clearing.settlementRates", "needs clearing.settlementCurrency");
            return ClearingSettings.Settlement.OWN_CURRENCIES;
        }
        CurrencyTable table = CurrencyTable.standard();
        Currency target = table.byAlpha(s.settlementCurrency(), LocalDate.now()).orElseThrow(
                () -> fail("clearing.settlementCurrency", "'" + s.settlementCurrency()
                        + "' is not in the currency table"));
        Map<Integer, BigDecimal> rates = new HashMap<>();
        for (Map.Entry<String, String> r : (s.settlementRates() == null
                ? Map.<String, String>of() : s.settlementRates()).entrySet()) {
            String at = "clearing.settlementRates." + r.getKey();
            Currency from = table.byAlpha(r.getKey(), LocalDate.now()).orElseThrow(
                    () -> fail(at, "is not in the currency table"));
            rates.put(from.numeric(), percent(r.getValue(), at));
        }
        return new ClearingSettings.Settlement(target.numeric(), target.alpha(),
                target.exponent(), rates);
    }

    private LocalTime time(String value, String at) throws ConfigException {
        if (value == null) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw fail(at, "'" + value + "' is not a time like 18:00");
        }
    }

    private LocalDate date(String value, String at) throws ConfigException {
        if (value == null) {
            throw fail(at, "is missing");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw fail(at, "'" + value + "' is not a date like 2026-01-01");
        }
    }

    private BigDecimal percent(String value, String at) throws ConfigException {
        try {
            BigDecimal p = new BigDecimal(String.valueOf(value));
            require(p.signum() >= 0, at, "must not be negative");
            return p;
        } catch (NumberFormatException e) {
            throw fail(at, "'" + value + "' is not a decimal number");
        }
    }

    private void require(boolean ok, String at, String why) throws ConfigException {
        if (!ok) {
            throw fail(at, why);
        }
    }

    private ConfigException fail(String at, String why) {
        return new ConfigException(source, at, why);
    }
}
