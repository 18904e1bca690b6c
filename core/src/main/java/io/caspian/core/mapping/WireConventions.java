package io.caspian.core.mapping;

/**
 * How a scheme lays out what the dialect file alone does not say: conventions of meaning,
 * not of encoding.
 *
 * @param amounts where amounts keep their currency
 * @param localTime how the local transaction date and time is carried
 * @param functionCodes whether requests carry a function code (DE 24) and reversals and
 *     advices a reason code (DE 25), as ISO 8583:1993/2003 do
 * @param nameLocation how DE 43 is laid out
 * @param recipientTag DE 48 tag of the recipient card in a transfer (e.g. "04" or "02")
 * @param holderNameTag DE 48 tag of the cardholder name in a name inquiry response, or null
 */
public record WireConventions(AmountLayout amounts, LocalTimeLayout localTime,
        boolean functionCodes, NameLocationLayout nameLocation, String recipientTag,
        String holderNameTag) {

    /** Amount layouts. */
    public enum AmountLayout {
        /** DE 4/5/6 n12 in minor units; currencies in DE 49/50/51 (ISO 8583:1987). */
        N12_WITH_CURRENCY_FIELDS,
        /** DE 4/5/6 n16: currency (3), exponent (1), amount (12); no DE 49-51. */
        N16_CURRENCY_EXPONENT_AMOUNT
    }

    /** Local time layouts. */
    public enum LocalTimeLayout {
        /** DE 12 hhmmss and DE 13 MMDD (ISO 8583:1987). */
        DE12_TIME_DE13_DATE,
        /** DE 12 YYYYMMDDhhmmss (ISO 8583:2003). */
        DE12_DATE_TIME
    }

    /** DE 43 layouts. */
    public enum NameLocationLayout {
        /** 40 characters: name 25, city 13, country 2 (ISO 8583:1987). */
        FIXED_40,
        /** name, city and country separated by '&gt;'. */
        SEPARATED
    }

    /** ISO 8583:1987 conventions, as iso87-ascii, iso87-binary and mir use them. */
    public static WireConventions iso1987() {
        return new WireConventions(AmountLayout.N12_WITH_CURRENCY_FIELDS,
                LocalTimeLayout.DE12_TIME_DE13_DATE, false, NameLocationLayout.FIXED_40, "04",
                null);
    }

    /** The shetab model's ISO 8583:2003 conventions. */
    public static WireConventions shetab() {
        return new WireConventions(AmountLayout.N16_CURRENCY_EXPONENT_AMOUNT,
                LocalTimeLayout.DE12_DATE_TIME, true, NameLocationLayout.SEPARATED, "02", "01");
    }
}
