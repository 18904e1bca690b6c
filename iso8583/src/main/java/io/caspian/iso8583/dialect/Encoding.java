package io.caspian.iso8583.dialect;

/** How a field's content, its length prefix, or the MTI is written on the wire. */
public enum Encoding {
    /** One byte per character. */
    ASCII("ascii"),
    /** One byte per character, IBM code page 037. */
    EBCDIC("ebcdic"),
    /** Two digits per byte; an odd count is padded with a 0 nibble on the left. */
    BCD("bcd"),
    /** Two digits per byte; an odd count is padded with a 0 nibble on the right. */
    BCD_RIGHT("bcd-right"),
    /** Two digits per byte; an odd count is padded with an F nibble on the right. */
    BCD_RIGHT_F("bcd-right-f"),
    /** The bytes themselves (binary fields, binary bitmaps, binary length prefixes). */
    BINARY("binary"),
    /** Each byte as two ASCII hex characters. */
    HEX("hex");

    private final String code;

    Encoding(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isBcd() {
        return this == BCD || this == BCD_RIGHT || this == BCD_RIGHT_F;
    }

    public static Encoding fromCode(String code) {
        for (Encoding e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return null;
    }
}
