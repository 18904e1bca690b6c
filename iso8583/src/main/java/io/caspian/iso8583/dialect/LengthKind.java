package io.caspian.iso8583.dialect;

/** Fixed length, or a length prefix of 2, 3 or 4 decimal digits. */
public enum LengthKind {
    FIXED("fixed", 0, 0),
    LL("LL", 2, 99),
    LLL("LLL", 3, 999),
    LLLL("LLLL", 4, 9999);

    private final String code;
    private final int prefixDigits;
    private final int limit;

    LengthKind(String code, int prefixDigits, int limit) {
        this.code = code;
        this.prefixDigits = prefixDigits;
        this.limit = limit;
    }

    public String code() {
        return code;
    }

    /** Decimal digits in the prefix; 0 for fixed fields. */
    public int prefixDigits() {
        return prefixDigits;
    }

    /** The largest length the prefix can express; 0 for fixed fields. */
    public int limit() {
        return limit;
    }

    public static LengthKind fromCode(String code) {
        for (LengthKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        return null;
    }
}
