package io.caspian.iso8583.dialect;

/** What a field holds that must never appear in clear in a dump or a log. */
public enum Sensitivity {
    NONE("none"),
    /** A primary account number: at most the first 6 and last 4 digits are shown. */
    PAN("pan"),
    /** Magnetic-stripe or equivalent data: only the first 6 characters are shown. */
    TRACK("track"),
    /** An encrypted PIN block: never shown. */
    PIN_BLOCK("pin-block"),
    /** Key material or card verification data: never shown. */
    KEY("key");

    private final String code;

    Sensitivity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Sensitivity fromCode(String code) {
        for (Sensitivity s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The text to show for a value of this sensitivity. PAN: first 6 and last 4 (PCI DSS
     * 3.4 display limit), shorter values fully masked; track: first 6; the rest: stars.
     */
    public String mask(String value) {
        int n = value.length();
        switch (this) {
            case NONE:
                return value;
            case PAN:
                if (n < 13) {
                    return "*".repeat(n);
                }
                return value.substring(0, 6) + "*".repeat(n - 10) + value.substring(n - 4);
            case TRACK:
                if (n <= 6) {
                    return "*".repeat(n);
                }
                return value.substring(0, 6) + "*".repeat(n - 6);
            default:
                return "*".repeat(n);
        }
    }
}
