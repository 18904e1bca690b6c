package io.caspian.clearing;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A scheme as clearing sees it: its time zone and daily cut-over time (business dates are
 * counted in its zone), and its currency.
 *
 * @param scheme scheme id
 * @param zone the scheme's time zone
 * @param cutOver local time the business date ends; 00:00 makes the business date the
 *     calendar date, 18:00 makes a transaction at 18:00 or later belong to the next date
 * @param currency ISO 4217 numeric of the scheme's currency
 * @param currencyAlpha ISO 4217 alphabetic code, for people
 * @param exponent decimal places the scheme's amounts are carried with
 */
public record SchemeCalendar(String scheme, ZoneId zone, LocalTime cutOver, int currency,
        String currencyAlpha, int exponent) {
    public SchemeCalendar {
        Checks.check(scheme != null && zone != null && cutOver != null, "scheme calendar");
        Checks.check(currency > 0 && currency < 1000, "currency must be ISO 4217 numeric");
    }
}
