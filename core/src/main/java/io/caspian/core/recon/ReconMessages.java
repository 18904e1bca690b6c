package io.caspian.core.recon;

import io.caspian.core.txn.Digits;
import io.caspian.iso8583.IsoMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The reconciliation fields of both dialects: DE 15 business date (MMDD in a 4-digit field,
 * YYYYMMDD in an 8-digit one), DE 50 currency, DE 74-77 counts (n10), DE 86-89 amounts
 * (n16, minor units), DE 97 net ({@code D} or {@code C} and 16 digits: D when the net
 * debits the scheme's cardholders), DE 66 in the answer (1 in balance, 2 out of balance).
 */
public final class ReconMessages {
    /** ISO 8583 message class of reconciliation messages (x5xx). */
    public static final int CLASS = 5;
    public static final String IN_BALANCE = "1";
    public static final String OUT_OF_BALANCE = "2";

    private ReconMessages() {
    }

    /** Writes the totals into {@code m} (DE 15, 50, 74-77, 86-89, 97). */
    public static void write(IsoMessage m, ReconTotals t) {
        m.set(15, date(m, t.businessDate()));
        m.set(50, Digits.pad(t.currency(), 3));
        m.set(74, Digits.pad(t.credits(), 10));
        m.set(75, Digits.pad(t.creditReversals(), 10));
        m.set(76, Digits.pad(t.debits(), 10));
        m.set(77, Digits.pad(t.debitReversals(), 10));
        m.set(86, Digits.pad(t.creditsMinor(), 16));
        m.set(87, Digits.pad(t.creditReversalsMinor(), 16));
        m.set(88, Digits.pad(t.debitsMinor(), 16));
        m.set(89, Digits.pad(t.debitReversalsMinor(), 16));
        long net = t.netMinor();
        m.set(97, (net >= 0 ? "D" : "C") + Digits.pad(Math.abs(net), 16));
    }

    /** Reads totals written by {@link #write}; {@code date} when DE 15 is absent. */
    public static ReconTotals read(IsoMessage m, LocalDate date) {
        return new ReconTotals(date, (int) num(m, 50), num(m, 76), num(m, 88), num(m, 77),
                num(m, 89), num(m, 74), num(m, 86), num(m, 75), num(m, 87));
    }

    private static String date(IsoMessage m, LocalDate d) {
        boolean full = m.dialect().field(15).max() >= 8;
        return DateTimeFormatter.ofPattern(full ? "yyyyMMdd" : "MMdd").format(d);
    }

    private static long num(IsoMessage m, int field) {
        return m.has(field) ? Long.parseLong(m.getString(field).trim()) : 0;
    }
}
