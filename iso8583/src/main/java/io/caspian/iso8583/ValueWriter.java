package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Encoding;
import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.iso8583.dialect.FieldType;
import io.caspian.iso8583.dialect.Padding;

/** Validates a value against its field spec and writes it in the field's wire encoding. */
final class ValueWriter {
    private ValueWriter() {
    }

    /**
     * The length in units the text value takes once padded, or a fault (negative) when it
     * does not fit. Faults are {@code -1 - reason.ordinal()}; the character check comes later.
     */
    static int unitsOf(FieldSpec spec, CharSequence value) {
        int len = value.length();
        if (spec.isFixed()) {
            if (len < spec.max() && spec.padding() != Padding.NONE) {
                return spec.max();
            }
            return len == spec.max() ? len : -1 - FailureReason.LENGTH_OUT_OF_RANGE.ordinal();
        }
        return len >= spec.min() && len <= spec.max()
                ? len : -1 - FailureReason.LENGTH_OUT_OF_RANGE.ordinal();
    }

    /** Index of the first character the type does not allow, or -1. */
    static int badCharacter(FieldType type, CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            int c = value.charAt(i);
            boolean ok = type == FieldType.X_N
                    ? (i == 0 ? c == 'C' || c == 'D' : c >= '0' && c <= '9')
                    : Wire.allowed(type, c);
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    /** Writes a checked text value padded to {@code units}; returns the bytes written. */
    static int writeText(FieldSpec spec, CharSequence value, int units, byte[] dst, int pos) {
        int pad = units - value.length();
        boolean left = spec.padding() == Padding.ZEROS_LEFT;
        char padChar = left ? '0' : ' ';
        if (spec.encoding().isBcd()) {
            return writeBcd(spec, value, pad, dst, pos);
        }
        boolean ebcdic = spec.encoding() == Encoding.EBCDIC;
        int o = pos;
        if (left) {
            for (int i = 0; i < pad; i++) {
                dst[o++] = encodeChar(padChar, ebcdic);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            dst[o++] = encodeChar(value.charAt(i), ebcdic);
        }
        if (!left) {
            for (int i = 0; i < pad; i++) {
                dst[o++] = encodeChar(padChar, ebcdic);
            }
        }
        return o - pos;
    }

    private static byte encodeChar(char c, boolean ebcdic) {
        return ebcdic ? (byte) Wire.ASCII_TO_EBCDIC[c] : (byte) c;
    }

    /** BCD: zeros-left padding digits first, then the value, two digits per byte. */
    private static int writeBcd(FieldSpec spec, CharSequence value, int pad, byte[] dst, int pos) {
        int o = pos;
        int from = 0;
        if (spec.type() == FieldType.X_N && value.length() > 0) {
            dst[o++] = (byte) value.charAt(0);
            from = 1;
        }
        int digits = pad + value.length() - from;
        int nibbles = (digits + 1) / 2 * 2;
        boolean odd = (digits & 1) != 0;
        int padAt = odd ? (spec.encoding() == Encoding.BCD ? 0 : digits) : -1;
        int padNibble = spec.encoding() == Encoding.BCD_RIGHT_F ? 0x0F : 0;
        int d = 0;
        for (int i = 0; i < nibbles; i++) {
            int nib;
            if (i == padAt) {
                nib = padNibble;
            } else {
                nib = d < pad ? 0 : digitNibble(value.charAt(from + d - pad));
                d++;
            }
            if ((i & 1) == 0) {
                dst[o] = (byte) (nib << 4);
            } else {
                dst[o++] |= (byte) nib;
            }
        }
        return o - pos;
    }

    private static int digitNibble(char c) {
        return c == '=' ? 0x0D : c - '0';
    }

    /** Writes bytes of a b field; returns the bytes written. */
    static int writeBytes(FieldSpec spec, byte[] value, byte[] dst, int pos) {
        if (spec.encoding() == Encoding.HEX) {
            for (int i = 0; i < value.length; i++) {
                int b = value[i] & 0xFF;
                dst[pos + 2 * i] = Wire.HEX_DIGITS[b >>> 4];
                dst[pos + 2 * i + 1] = Wire.HEX_DIGITS[b & 0x0F];
            }
            return value.length * 2;
        }
        System.arraycopy(value, 0, dst, pos, value.length);
        return value.length;
    }
}
