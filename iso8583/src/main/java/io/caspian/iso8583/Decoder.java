package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.Encoding;
import io.caspian.iso8583.dialect.FieldSpec;

/**
 * One decode pass over a message already copied into its arena. Reads the MTI and bitmaps,
 * then each announced field in order; the first fault ends the pass and is returned as a
 * value naming MTI, field, offset and reason.
 */
final class Decoder {
    private final Dialect dialect;
    private final IsoMessage m;
    private final byte[] b;
    private final int end;
    private int pos;

    Decoder(Dialect dialect, IsoMessage m, int end) {
        this.dialect = dialect;
        this.m = m;
        this.b = m.arena();
        this.end = end;
    }

    /** Null when the whole message decoded, else the first fault. */
    CodecFailure run() {
        CodecFailure f = readMti();
        if (f != null) {
            return f;
        }
        long[] words = new long[3];
        f = readBitmaps(words);
        if (f != null) {
            return f;
        }
        for (int w = 0; w < 3; w++) {
            long bits = words[w];
            while (bits != 0) {
                int lz = Long.numberOfLeadingZeros(bits);
                int field = w * 64 + lz + 1;
                bits &= ~(Long.MIN_VALUE >>> lz);
                if (isBitmapBit(field)) {
                    continue;
                }
                f = readField(field);
                if (f != null) {
                    return f;
                }
            }
        }
        if (pos != end) {
            return fail(-1, pos, FailureReason.TRAILING_BYTES, (end - pos) + " bytes");
        }
        return null;
    }

    private boolean isBitmapBit(int field) {
        return field == 1 || (field == 65 && dialect.tertiaryBitmap());
    }

    private CodecFailure readMti() {
        int size = dialect.mtiBytes();
        if (end < size) {
            return fail(0, 0, FailureReason.TRUNCATED, "");
        }
        int mti = 0;
        if (dialect.mtiEncoding() == Encoding.BCD) {
            for (int i = 0; i < 2; i++) {
                int hi = (b[i] >>> 4) & 0x0F;
                int lo = b[i] & 0x0F;
                if (hi > 9 || lo > 9) {
                    return fail(0, i, FailureReason.BAD_MTI, "not BCD digits");
                }
                mti = mti * 100 + hi * 10 + lo;
            }
        } else {
            int zero = dialect.mtiEncoding() == Encoding.EBCDIC ? 0xF0 : '0';
            for (int i = 0; i < 4; i++) {
                int d = (b[i] & 0xFF) - zero;
                if (d < 0 || d > 9) {
                    return fail(0, i, FailureReason.BAD_MTI, "not a digit");
                }
                mti = mti * 10 + d;
            }
        }
        if (mti / 1000 != dialect.isoVersion().mtiDigit()) {
            return fail(0, 0, FailureReason.BAD_MTI, "version digit " + mti / 1000
                    + " in a dialect of ISO " + dialect.isoVersion().year());
        }
        m.setMtiNumber(mti);
        pos = size;
        return null;
    }

    private CodecFailure readBitmaps(long[] words) {
        int count = 1;
        for (int w = 0; w < count; w++) {
            if (pos + dialect.bitmapBytes() > end) {
                return fail(1, pos, FailureReason.TRUNCATED, "bitmap " + (w + 1));
            }
            long word = 0;
            if (dialect.bitmapEncoding() == Encoding.HEX) {
                for (int i = 0; i < 16; i++) {
                    int v = Wire.HEX_VALUE[b[pos + i] & 0xFF];
                    if (v < 0) {
                        return fail(1, pos + i, FailureReason.BAD_BITMAP, "not a hex character");
                    }
                    word = word << 4 | v;
                }
                pos += 16;
            } else {
                for (int i = 0; i < 8; i++) {
                    word = word << 8 | (b[pos + i] & 0xFF);
                }
                pos += 8;
            }
            words[w] = word;
            boolean more = word < 0;
            if (more && w == 0) {
                count = 2;
            } else if (more && w == 1 && dialect.tertiaryBitmap()) {
                count = 3;
            }
        }
        if (words[0] == Long.MIN_VALUE && words[1] == 0) {
            // An empty secondary bitmap would not survive re-encoding byte for byte.
            return fail(1, dialect.mtiBytes(), FailureReason.BAD_BITMAP,
                    "secondary bitmap announced but empty");
        }
        if (words[0] == 0) {
            return fail(1, dialect.mtiBytes(), FailureReason.BAD_BITMAP, "no fields");
        }
        return null;
    }

    private CodecFailure readField(int field) {
        FieldSpec spec = dialect.field(field);
        if (spec == null) {
            return fail(field, pos, FailureReason.FIELD_NOT_IN_DIALECT, "");
        }
        int start = pos;
        int units;
        if (spec.isFixed()) {
            units = spec.max();
        } else {
            int prefix = spec.prefixBytes();
            if (pos + prefix > end) {
                return fail(field, start, FailureReason.TRUNCATED, "in the length prefix");
            }
            units = FieldCodec.readPrefix(spec.lengthEncoding(), spec.lengthKind().prefixDigits(),
                    b, pos);
            if (units < 0) {
                return fail(field, start, FailureReason.BAD_LENGTH_PREFIX, "");
            }
            if (units < spec.min() || units > spec.max()) {
                return fail(field, start, FailureReason.LENGTH_OUT_OF_RANGE,
                        "length " + units + ", allowed " + spec.min() + ".." + spec.max());
            }
            pos += prefix;
        }
        int wire = spec.wireBytes(units);
        if (pos + wire > end) {
            return fail(field, start, FailureReason.TRUNCATED,
                    "needs " + wire + " bytes, " + (end - pos) + " left");
        }
        long fault = FieldCodec.check(spec, b, pos, wire, units);
        if (fault != FieldCodec.OK) {
            return fail(field, pos + FieldCodec.faultOffset(fault), FieldCodec.faultReason(fault),
                    "type " + spec.type().code() + ", encoding " + spec.encoding().code());
        }
        if (spec.structure() != null) {
            int bad = StructureReader.check(spec, b, pos, wire, units);
            if (bad >= 0) {
                return fail(field, pos + bad, FailureReason.BAD_STRUCTURE,
                        "inside the " + StructureReader.kindName(spec.structure()) + " data");
            }
        }
        m.place(field, pos, wire, units);
        pos += wire;
        return null;
    }

    private CodecFailure fail(int field, int offset, FailureReason reason, String detail) {
        return new CodecFailure(m.mtiNumber() < 0 ? "" : m.mti(), field, offset, reason, detail);
    }
}
