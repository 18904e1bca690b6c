package io.caspian.app.clearing;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts for people: major units with grouping. */
final class Text {
    private Text() {
    }

    static String major(long minor, int exponent) {
        DecimalFormat f = new DecimalFormat(exponent == 0 ? "#,##0"
                : "#,##0." + "0".repeat(exponent), DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(BigDecimal.valueOf(minor, exponent));
    }

    /** The alphabetic code of a currency the schemes use, else its number. */
    static String alpha(io.caspian.clearing.ClearingSettings settings, int numeric) {
        for (io.caspian.clearing.SchemeCalendar s : settings.schemes().values()) {
            if (s.currency() == numeric) {
                return s.currencyAlpha();
            }
        }
        var m = settings.settlement();
        return m.currency() != null && m.currency() == numeric ? m.currencyAlpha()
                : Integer.toString(numeric);
    }

    /** The exponent a scheme carries {@code numeric} with, 0 if no scheme uses it. */
    static int exponent(io.caspian.clearing.ClearingSettings settings, int numeric) {
        for (io.caspian.clearing.SchemeCalendar s : settings.schemes().values()) {
            if (s.currency() == numeric) {
                return s.exponent();
            }
        }
        return 0;
    }
}
