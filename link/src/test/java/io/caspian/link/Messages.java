package io.caspian.link;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;

/** Requests and responses of any shipped dialect, for link tests. */
final class Messages {
    /** A test PAN: must never appear in clear in a log. */
    static final String PAN = "2200123456789012";

    private Messages() {
    }

    static Dialect dialect(String name) {
        try {
            return Dialects.builtIn(name);
        } catch (DialectException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A financial request (0200 or 2200) carrying a PAN, numbered {@code stan}. */
    static IsoMessage request(Dialect d, long stan) {
        IsoMessage m = new IsoMessage(d).setMti(d.isoVersion().mtiDigit() * 1000 + 200);
        m.set(2, PAN);
        m.set(3, "000000");
        m.set(4, digits(d, 4, "1000"));
        m.set(7, "1125100000");
        m.set(11, stan);
        m.set(37, "000000123456");
        m.set(41, "TERM0001");
        return m;
    }

    /** The approval of a request: response MTI, its STAN, response code approved. */
    static IsoMessage approval(IsoMessage request) {
        Dialect d = request.dialect();
        IsoMessage m = new IsoMessage(d).setMti(request.mtiNumber() + 10);
        m.copyFrom(request, 11);
        m.copyFrom(request, 37);
        return m.set(39, "0".repeat(d.field(39).max()));
    }

    static String digits(Dialect d, int field, String value) {
        return "0".repeat(d.field(field).max() - value.length()) + value;
    }
}
