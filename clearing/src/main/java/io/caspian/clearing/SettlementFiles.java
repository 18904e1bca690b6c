package io.caspian.clearing;

import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.ClearingRows.PrefundCredit;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** The settlement report as CSV (for booking) and as an HTML page (for people). */
final class SettlementFiles {
    private SettlementFiles() {
    }

    static String csv(SettlementReport r, ClearingSettings settings) {
        StringBuilder out = new StringBuilder("business_date,participant,currency,exponent,"
                + "transactions_minor,interchange_minor,switch_fee_minor,net_minor,direction\n");
        for (PositionRow p : r.positions()) {
            out.append(r.businessDate()).append(',').append(p.participant()).append(',')
                    .append(alpha(settings, p.currency())).append(',').append(p.exponent())
                    .append(',').append(p.transactionsMinor()).append(',')
                    .append(p.interchangeMinor()).append(',').append(p.switchFeeMinor())
                    .append(',').append(p.netMinor()).append(',').append(direction(p.netMinor()))
                    .append('\n');
        }
        for (Map.Entry<Integer, Long> e : r.netPerCurrency().entrySet()) {
            out.append(r.businessDate()).append(",TOTAL,").append(alpha(settings, e.getKey()))
                    .append(",,,,,").append(e.getValue()).append(",\n");
        }
        return out.toString();
    }

    static String html(SettlementReport r, ClearingSettings settings) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Caspian settlement ").append(r.businessDate())
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #999;")
                .append("padding:4px 10px}td.n{text-align:right;font-family:monospace}")
                .append(".ok{color:#060}.bad{color:#a00}</style></head><body>\n")
                .append("<h1>Net settlement, business date ").append(r.businessDate())
                .append("</h1>\n<p>Positive: the participant receives; negative: it pays. ")
                .append("Amounts in major units of each currency.</p>\n<table>\n<tr><th>")
                .append("Participant</th><th>Currency</th><th>Transactions</th><th>")
                .append("Interchange</th><th>Switch fee</th><th>Net</th><th></th></tr>\n");
        for (PositionRow p : r.positions()) {
            out.append("<tr><td>").append(p.participant()).append("</td><td>")
                    .append(alpha(settings, p.currency())).append("</td>")
                    .append(cell(p.transactionsMinor(), p.exponent()))
                    .append(cell(p.interchangeMinor(), p.exponent()))
                    .append(cell(p.switchFeeMinor(), p.exponent()))
                    .append(cell(p.netMinor(), p.exponent())).append("<td>")
                    .append(direction(p.netMinor())).append("</td></tr>\n");
        }
        out.append("</table>\n<h2>Check</h2>\n<ul>\n");
        for (Map.Entry<Integer, Long> e : r.netPerCurrency().entrySet()) {
            boolean ok = e.getValue() == 0;
            out.append("<li class=\"").append(ok ? "ok" : "bad").append("\">")
                    .append(alpha(settings, e.getKey())).append(": positions sum to ")
                    .append(e.getValue()).append(ok ? " (nets to zero)" : " (DOES NOT NET)")
                    .append("</li>\n");
        }
        out.append("</ul>\n<h2>Prefunded positions credited</h2>\n<ul>\n");
        for (PrefundCredit c : r.prefundCredits()) {
            int exponent = settings.schemes().containsKey(c.scheme())
                    ? settings.schemes().get(c.scheme()).exponent() : 0;
            out.append("<li>").append(c.scheme()).append(": ")
                    .append(major(c.amountMinor(), exponent)).append(' ')
                    .append(alpha(settings, c.currency())).append("</li>\n");
        }
        return out.append("</ul>\n</body></html>\n").toString();
    }

    static String direction(long net) {
        return net > 0 ? "RECEIVES" : net < 0 ? "PAYS" : "FLAT";
    }

    private static String cell(long minor, int exponent) {
        return "<td class=\"n\">" + major(minor, exponent) + "</td>";
    }

    /** {@code minor} in major units with grouping, e.g. 1,234.56. */
    static String major(long minor, int exponent) {
        DecimalFormat f = new DecimalFormat(exponent == 0 ? "#,##0" : "#,##0."
                + "0".repeat(exponent), DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(BigDecimal.valueOf(minor, exponent));
    }

    /** The alphabetic code of a numeric currency the configuration knows, else the number. */
    static String alpha(ClearingSettings settings, int numeric) {
        for (SchemeCalendar s : settings.schemes().values()) {
            if (s.currency() == numeric) {
                return s.currencyAlpha();
            }
        }
        ClearingSettings.Settlement m = settings.settlement();
        if (m.currency() != null && m.currency() == numeric) {
            return m.currencyAlpha();
        }
        return Integer.toString(numeric);
    }
}
