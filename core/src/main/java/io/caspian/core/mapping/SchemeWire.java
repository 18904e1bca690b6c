package io.caspian.core.mapping;

import io.caspian.core.money.Currency;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.dialect.Dialect;

/**
 * Everything needed to read and write one scheme's messages: its dialect and codec, the
 * conventions it follows, its code table, its home currency and the institution id Caspian
 * uses on its link.
 */
public record SchemeWire(String scheme, Dialect dialect, IsoCodec codec,
        WireConventions conventions, CodeTable codes, Currency currency,
        String institutionId) {

    public static SchemeWire of(String scheme, Dialect dialect, WireConventions conventions,
            CodeTable codes, Currency currency, String institutionId) {
        return new SchemeWire(scheme, dialect, new IsoCodec(dialect), conventions, codes,
                currency, institutionId);
    }

    /** The MTI version digit of this scheme's dialect. */
    public int version() {
        return dialect.isoVersion().mtiDigit();
    }

    /** Digits of the trace number (DE 11) in this dialect. */
    public int stanDigits() {
        return dialect.field(11).max();
    }
}
