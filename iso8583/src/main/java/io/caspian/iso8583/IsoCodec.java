package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.Encoding;
import io.caspian.iso8583.dialect.FieldSpec;

/**
 * Packs and unpacks messages of one dialect. Stateless and thread-safe.
 *
 * <pre>
 * +-----+----------------+------------------+-----------------+----------------------+
 * | MTI | primary bitmap | secondary bitmap | tertiary bitmap | fields in number order |
 * +-----+----------------+------------------+-----------------+----------------------+
 *        bit 1 announces the secondary; with a tertiary-capable dialect, bit 65 the third
 * </pre>
 */
public final class IsoCodec {
    private final Dialect dialect;

    public IsoCodec(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A new empty message of this codec's dialect. */
    public IsoMessage newMessage() {
        return new IsoMessage(dialect);
    }

    public DecodeResult decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes exactly {@code len} bytes: one whole message, no framing header. */
    public DecodeResult decode(byte[] bytes, int off, int len) {
        IsoMessage m = new IsoMessage(dialect, len);
        m.load(bytes, off, len);
        CodecFailure failure = new Decoder(dialect, m, len).run();
        return failure == null ? new DecodeResult.Success(m) : new DecodeResult.Failure(failure);
    }

    /**
     * For a message that failed to decode: the MTI and the fields that decoded before the
     * fault, so a format-error reply can carry the sender's STAN and RRN. Never use it as
     * the message itself. Returns a message with no MTI when even that could not be read.
     */
    public IsoMessage salvage(byte[] bytes, int off, int len) {
        IsoMessage m = new IsoMessage(dialect, len);
        m.load(bytes, off, len);
        new Decoder(dialect, m, len).run();
        return m;
    }

    /** Bytes the encoded message takes, or -1 when it has no MTI. */
    public int encodedLength(IsoMessage m) {
        if (m.mtiNumber() < 0) {
            return -1;
        }
        int words = bitmapWords(m);
        int size = dialect.mtiBytes() + words * dialect.bitmapBytes();
        for (int w = 0; w < 3; w++) {
            long bits = m.presentWord(w);
            while (bits != 0) {
                int lz = Long.numberOfLeadingZeros(bits);
                int field = w * 64 + lz + 1;
                bits &= ~(Long.MIN_VALUE >>> lz);
                size += dialect.field(field).prefixBytes() + IsoMessage.wireLength(m.slot(field));
            }
        }
        return size;
    }

    /** Encodes a message; fails only when it has no MTI (values were checked when set). */
    public EncodeResult encode(IsoMessage m) {
        int size = encodedLength(m);
        if (size < 0) {
            return new EncodeResult.Failure(new CodecFailure("", 0, 0, FailureReason.MISSING_MTI,
                    ""));
        }
        byte[] out = new byte[size];
        int end = encodeTo(m, out, 0);
        Invariants.check(end == size, "encoded %d bytes, expected %d (fields: %d)", end, size,
                m.fieldNumbers().length);
        return new EncodeResult.Success(out);
    }

    /**
     * Encodes into {@code out} at {@code pos}, which must have {@link #encodedLength} bytes
     * free; returns the position after the message.
     */
    public int encodeTo(IsoMessage m, byte[] out, int pos) {
        if (m.dialect() != dialect || m.mtiNumber() < 0) {
            throw new IllegalArgumentException("message " + m.mti() + " of dialect "
                    + m.dialect().name() + " given to the codec of " + dialect.name());
        }
        int p = writeMti(m.mtiNumber(), out, pos);
        int words = bitmapWords(m);
        for (int w = 0; w < words; w++) {
            long word = m.presentWord(w);
            if (w + 1 < words) {
                word |= Long.MIN_VALUE;
            }
            p = writeBitmap(word, out, p);
        }
        byte[] arena = m.arena();
        for (int w = 0; w < 3; w++) {
            long bits = m.presentWord(w);
            while (bits != 0) {
                int lz = Long.numberOfLeadingZeros(bits);
                int field = w * 64 + lz + 1;
                bits &= ~(Long.MIN_VALUE >>> lz);
                FieldSpec spec = dialect.field(field);
                long s = m.slot(field);
                if (!spec.isFixed()) {
                    FieldCodec.writePrefix(spec.lengthEncoding(), spec.lengthKind().prefixDigits(),
                            IsoMessage.units(s), out, p);
                    p += spec.prefixBytes();
                }
                int wire = IsoMessage.wireLength(s);
                System.arraycopy(arena, IsoMessage.offset(s), out, p, wire);
                p += wire;
            }
        }
        return p;
    }

    /** 1, 2 or 3: how many bitmaps the message needs. */
    private int bitmapWords(IsoMessage m) {
        if (m.presentWord(2) != 0) {
            return 3;
        }
        return m.presentWord(1) != 0 ? 2 : 1;
    }

    private int writeMti(int mti, byte[] out, int p) {
        switch (dialect.mtiEncoding()) {
            case BCD:
                out[p] = (byte) ((mti / 1000) << 4 | (mti / 100 % 10));
                out[p + 1] = (byte) ((mti / 10 % 10) << 4 | (mti % 10));
                return p + 2;
            default:
                int zero = dialect.mtiEncoding() == Encoding.EBCDIC ? 0xF0 : '0';
                out[p] = (byte) (zero + mti / 1000);
                out[p + 1] = (byte) (zero + mti / 100 % 10);
                out[p + 2] = (byte) (zero + mti / 10 % 10);
                out[p + 3] = (byte) (zero + mti % 10);
                return p + 4;
        }
    }

    private int writeBitmap(long word, byte[] out, int p) {
        if (dialect.bitmapEncoding() == Encoding.HEX) {
            for (int i = 0; i < 16; i++) {
                out[p + i] = Wire.HEX_DIGITS[(int) (word >>> (60 - 4 * i)) & 0x0F];
            }
            return p + 16;
        }
        for (int i = 0; i < 8; i++) {
            out[p + i] = (byte) (word >>> (56 - 8 * i));
        }
        return p + 8;
    }
}
