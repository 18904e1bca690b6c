package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.iso8583.dialect.FieldType;
import io.caspian.iso8583.dialect.Structure;
import java.util.List;
import java.util.Random;

/** Builds random messages that are valid for a dialect, for property and fuzz tests. */
final class RandomMessages {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private RandomMessages() {
    }

    /** A message with the dialect's version digit and a random subset of its fields. */
    static IsoMessage random(Dialect d, Random rnd) {
        IsoMessage m = new IsoMessage(d);
        m.setMti(d.isoVersion().mtiDigit() * 1000 + rnd.nextInt(1000));
        List<FieldSpec> fields = d.fields();
        int count = 1 + rnd.nextInt(Math.min(30, fields.size()));
        for (int i = 0; i < count; i++) {
            FieldSpec spec = fields.get(rnd.nextInt(fields.size()));
            set(m, spec, rnd);
        }
        return m;
    }

    static void set(IsoMessage m, FieldSpec spec, Random rnd) {
        int units = spec.isFixed() ? spec.max()
                : spec.min() + rnd.nextInt(Math.min(spec.max(), 300) - spec.min() + 1);
        setWithLength(m, spec, units, rnd);
    }

    static void setWithLength(IsoMessage m, FieldSpec spec, int units, Random rnd) {
        if (spec.type() == FieldType.B) {
            m.setBytes(spec.number(), bytes(spec, units, rnd));
            return;
        }
        String value = text(spec, units, rnd);
        if (value.length() == units || !spec.isFixed() && value.length() >= spec.min()) {
            m.set(spec.number(), value);
        }
    }

    static byte[] bytes(FieldSpec spec, int units, Random rnd) {
        byte[] b = new byte[units];
        if (spec.structure() instanceof Structure.BerTlv) {
            fillBer(b, rnd);
        } else {
            rnd.nextBytes(b);
        }
        return b;
    }

    /** Primitive BER-TLV objects with one-byte tags, padded with 0x00 fillers at the end. */
    private static void fillBer(byte[] b, Random rnd) {
        int at = 0;
        while (b.length - at >= 2) {
            int len = Math.min(b.length - at - 2, rnd.nextInt(20));
            if (len > 127) {
                len = 127;
            }
            b[at] = (byte) (0x41 + rnd.nextInt(0x1E)); // application class, primitive, 1 byte
            b[at + 1] = (byte) len;
            for (int i = 0; i < len; i++) {
                b[at + 2 + i] = (byte) rnd.nextInt(256);
            }
            at += 2 + len;
        }
    }

    static String text(FieldSpec spec, int units, Random rnd) {
        if (spec.structure() instanceof Structure.Tlv) {
            return tlv((Structure.Tlv) spec.structure(), spec.type(), units, rnd);
        }
        StringBuilder sb = new StringBuilder(units);
        for (int i = 0; i < units; i++) {
            sb.append(character(spec.type(), i, rnd));
        }
        return sb.toString();
    }

    /**
     * TLV elements filling exactly {@code units} characters when that is possible (the last
     * element takes the rest); shorter only when fewer than a tag and a length remain.
     */
    private static String tlv(Structure.Tlv tlv, FieldType type, int units, Random rnd) {
        StringBuilder sb = new StringBuilder();
        int overhead = tlv.tagLength() + tlv.lengthLength();
        int cap = (int) Math.pow(10, tlv.lengthLength()) - 1;
        int remaining = units;
        while (remaining >= overhead) {
            int room = remaining - overhead;
            int len = room <= cap && (room < 2 * overhead + 15 || rnd.nextInt(4) == 0)
                    ? room : Math.min(cap, rnd.nextInt(15));
            for (int i = 0; i < tlv.tagLength(); i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            sb.append(String.format("%0" + tlv.lengthLength() + "d", len));
            for (int i = 0; i < len; i++) {
                sb.append(character(type, 1, rnd));
            }
            remaining -= overhead + len;
        }
        return sb.toString();
    }

    static char character(FieldType type, int index, Random rnd) {
        switch (type) {
            case N:
                return (char) ('0' + rnd.nextInt(10));
            case A:
                return rnd.nextInt(10) == 0 ? ' ' : LETTERS.charAt(rnd.nextInt(LETTERS.length()));
            case AN:
                int k = rnd.nextInt(3);
                return k == 0 ? (char) ('0' + rnd.nextInt(10))
                        : LETTERS.charAt(rnd.nextInt(LETTERS.length()));
            case ANS:
                return (char) (0x20 + rnd.nextInt(0x5F));
            case Z:
                return rnd.nextInt(8) == 0 ? '=' : (char) ('0' + rnd.nextInt(10));
            case X_N:
                return index == 0 ? (rnd.nextBoolean() ? 'C' : 'D')
                        : (char) ('0' + rnd.nextInt(10));
            default:
                throw new IllegalArgumentException(type.code());
        }
    }
}
