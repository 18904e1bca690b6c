package io.caspian.sim.wire;

import io.caspian.hsm.PinBlockFormat;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.FieldSpec;

/** Small helpers both models share. */
final class Fields {
    private Fields() {
    }

    /** A numeric field right-justified with zeros to {@code width}; zeros when absent. */
    static String zeroPadded(IsoMessage m, int field, int width) {
        String v = m.getString(field);
        if (v == null) {
            v = "";
        }
        if (v.length() > width) {
            return v.substring(v.length() - width);
        }
        return "0".repeat(width - v.length()) + v;
    }

    /** ISO 9564 format 4 when DE 52 holds 16 bytes (an AES block), else format 0. */
    static PinBlockFormat pinBlockFormat(Dialect dialect) {
        FieldSpec de52 = dialect.field(52);
        return de52 != null && de52.max() == 16 ? PinBlockFormat.ISO_4 : PinBlockFormat.ISO_0;
    }

    static String padRight(String s, int width) {
        String v = s.length() > width ? s.substring(0, width) : s;
        return v + " ".repeat(width - v.length());
    }

    /*
     * DE 54 additional amounts, ISO 8583:1987 layout, 20 characters per amount:
     * +--------------+-------------+----------+-----+-----------+
     * | account type | amount type | currency | C/D | amount    |
     * | 2            | 2 (02=avail)| 3        | 1   | 12        |
     * +--------------+-------------+----------+-----+-----------+
     */
    static String balanceText(Money balance) {
        return String.format("0002%03dC%012d", balance.currency(), balance.minor());
    }

    static Money parseBalance(String value) {
        if (value == null || value.length() < 20) {
            return null;
        }
        try {
            int currency = Integer.parseInt(value.substring(4, 7));
            long minor = Long.parseLong(value.substring(8, 20));
            // A debit balance (overdrawn) is reported as zero available.
            long available = value.charAt(7) == 'D' ? 0 : minor;
            return new Money(available, currency, Currencies.exponent(currency));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
