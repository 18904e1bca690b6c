package io.caspian.iso8583.framing;

/** How a link marks where one message ends and the next begins. */
public enum LengthHeader {
    /** No header: the input is exactly one message (files, tests). */
    NONE("none", 0, 0),
    /** 2-byte big-endian binary length of what follows (jPOS NACChannel style). */
    BINARY2("binary2", 2, 0xFFFF),
    /** 4 ASCII decimal digits giving the length of what follows. */
    ASCII4("ascii4", 4, 9999);

    private final String code;
    private final int bytes;
    private final int limit;

    LengthHeader(String code, int bytes, int limit) {
        this.code = code;
        this.bytes = bytes;
        this.limit = limit;
    }

    public String code() {
        return code;
    }

    /** Bytes the header takes. */
    public int bytes() {
        return bytes;
    }

    /** The largest length the header can express; 0 for NONE. */
    public int limit() {
        return limit;
    }

    public static LengthHeader fromCode(String code) {
        for (LengthHeader h : values()) {
            if (h.code.equals(code)) {
                return h;
            }
        }
        return null;
    }
}
