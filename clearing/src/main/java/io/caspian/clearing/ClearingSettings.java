package io.caspian.clearing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything clearing is configured with (the {@code clearing} section of the config).
 *
 * @param schemes every scheme, by id
 * @param outputDirectory where clearing files and settlement reports are written
 * @param fees interchange and switch fees
 * @param settlement how positions are expressed
 * @param disputes deadlines of the dispute stages
 */
public record ClearingSettings(Map<String, SchemeCalendar> schemes, Path outputDirectory,
        FeeSchedule fees, Settlement settlement, DisputeRules disputes) {

    public ClearingSettings {
        schemes = new TreeMap<>(schemes);
        Checks.check(!schemes.isEmpty(), "clearing needs schemes");
        Checks.check(!schemes.containsKey(SettlementService.SWITCH), "'caspian' is taken");
    }

    public SchemeCalendar scheme(String id) {
        SchemeCalendar s = schemes.get(id);
        if (s == null) {
            throw new ClearingException("unknown scheme '" + id + "' (known: "
                    + String.join(", ", schemes.keySet()) + ")");
        }
        return s;
    }

    /**
     * How settlement positions are expressed: each participant in the currencies it dealt
     * in ({@code currency} null), or everything converted into one settlement currency at
     * the day's rates ({@code ratesToSettlement}: units of settlement currency per unit of
     * each other currency, by ISO 4217 numeric code).
     */
    public record Settlement(Integer currency, String currencyAlpha, int exponent,
            Map<Integer, BigDecimal> ratesToSettlement) {
        public static final Settlement OWN_CURRENCIES = new Settlement(null, null, 0, Map.of());

        public Settlement {
            ratesToSettlement = Map.copyOf(ratesToSettlement);
        }
    }

    /**
     * Days each dispute stage may be raised in: a chargeback within {@code chargebackDays}
     * of the original's business date, a representment and a second chargeback within
     * {@code responseDays} of the stage before.
     */
    public record DisputeRules(int chargebackDays, int responseDays) {
        public static final DisputeRules DEFAULT = new DisputeRules(120, 45);

        public DisputeRules {
            Checks.check(chargebackDays > 0 && responseDays > 0, "dispute days are positive");
        }
    }
}
