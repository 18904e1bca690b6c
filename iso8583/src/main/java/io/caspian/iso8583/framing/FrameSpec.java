package io.caspian.iso8583.framing;

/**
 * A link's framing: the length header, whether a 5-byte TPDU precedes each message, and the
 * largest frame accepted. The length in the header counts everything after the header,
 * TPDU included.
 *
 * <pre>
 * +---------------+------------------+-----------------------------+
 * | length header | TPDU (optional)  | ISO 8583 message            |
 * | 2 or 4 bytes  | 60 DDDD SSSS     | MTI, bitmap, fields         |
 * +---------------+------------------+-----------------------------+
 * </pre>
 */
public record FrameSpec(LengthHeader header, boolean tpdu, int frameLengthMax) {
    public static final int TPDU_BYTES = 5;

    public FrameSpec {
        if (header == null) {
            throw new IllegalArgumentException("header is required");
        }
        if (frameLengthMax < 1 || (header != LengthHeader.NONE && frameLengthMax > header.limit())) {
            throw new IllegalArgumentException("frameLengthMax " + frameLengthMax
                    + " must be 1.." + header.limit() + " for a " + header.code() + " header");
        }
    }

    /** No header, no TPDU: one message per input, up to 64 KiB. */
    public static FrameSpec none() {
        return new FrameSpec(LengthHeader.NONE, false, 65_535);
    }

    /** A header of the given kind, no TPDU, the largest length it can express. */
    public static FrameSpec of(LengthHeader header) {
        return new FrameSpec(header, false, header == LengthHeader.NONE ? 65_535 : header.limit());
    }
}
