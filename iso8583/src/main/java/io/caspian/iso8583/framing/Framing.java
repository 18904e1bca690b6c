package io.caspian.iso8583.framing;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.FailureReason;

/** Reads and writes frames of one {@link FrameSpec}; stateless. */
public final class Framing {
    private static final FrameResult.NeedMore NEED_MORE = new FrameResult.NeedMore();

    private final FrameSpec spec;

    public Framing(FrameSpec spec) {
        this.spec = spec;
    }

    public FrameSpec spec() {
        return spec;
    }

    /** Looks for one frame in {@code len} bytes at {@code off}. */
    public FrameResult read(byte[] b, int off, int len) {
        int headerBytes = spec.header().bytes();
        int bodyLength;
        if (spec.header() == LengthHeader.NONE) {
            bodyLength = len;
        } else {
            if (len < headerBytes) {
                return NEED_MORE;
            }
            bodyLength = readHeader(b, off);
            if (bodyLength < 0) {
                return broken(FailureReason.BAD_FRAME_HEADER, "not " + spec.header().code());
            }
        }
        if (bodyLength > spec.frameLengthMax()) {
            return broken(FailureReason.FRAME_TOO_LONG,
                    bodyLength + " bytes, maximum " + spec.frameLengthMax());
        }
        int minimum = spec.tpdu() ? FrameSpec.TPDU_BYTES + 1 : 1;
        if (bodyLength < minimum) {
            return broken(FailureReason.BAD_FRAME_HEADER, "length " + bodyLength + " too short");
        }
        if (len < headerBytes + bodyLength) {
            return NEED_MORE;
        }
        int tpduOffset = spec.tpdu() ? off + headerBytes : -1;
        int tpduBytes = spec.tpdu() ? FrameSpec.TPDU_BYTES : 0;
        return new FrameResult.Frame(headerBytes + bodyLength, tpduOffset,
                off + headerBytes + tpduBytes, bodyLength - tpduBytes);
    }

    private int readHeader(byte[] b, int off) {
        if (spec.header() == LengthHeader.BINARY2) {
            return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = b[off + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Frames a message, with a TPDU when the spec has one ({@code tpdu} is 5 bytes then). */
    public byte[] write(byte[] tpdu, byte[] message) {
        int tpduBytes = spec.tpdu() ? FrameSpec.TPDU_BYTES : 0;
        if (spec.tpdu() && (tpdu == null || tpdu.length != FrameSpec.TPDU_BYTES)) {
            throw new IllegalArgumentException("this link needs a 5-byte TPDU");
        }
        int body = tpduBytes + message.length;
        if (body > spec.frameLengthMax()) {
            throw new IllegalArgumentException("message of " + body
                    + " bytes exceeds frameLengthMax " + spec.frameLengthMax());
        }
        int h = spec.header().bytes();
        byte[] out = new byte[h + body];
        if (spec.header() == LengthHeader.BINARY2) {
            out[0] = (byte) (body >>> 8);
            out[1] = (byte) body;
        } else if (spec.header() == LengthHeader.ASCII4) {
            for (int i = 3, v = body; i >= 0; i--, v /= 10) {
                out[i] = (byte) ('0' + v % 10);
            }
        }
        if (spec.tpdu()) {
            System.arraycopy(tpdu, 0, out, h, FrameSpec.TPDU_BYTES);
        }
        System.arraycopy(message, 0, out, h + tpduBytes, message.length);
        return out;
    }

    /** The TPDU of a reply: the request's with destination and originator swapped. */
    public static byte[] replyTpdu(byte[] requestTpdu) {
        return new byte[] {requestTpdu[0], requestTpdu[3], requestTpdu[4], requestTpdu[1],
                requestTpdu[2]};
    }

    private FrameResult broken(FailureReason reason, String detail) {
        return new FrameResult.Broken(new CodecFailure("", -1, 0, reason, detail));
    }
}
