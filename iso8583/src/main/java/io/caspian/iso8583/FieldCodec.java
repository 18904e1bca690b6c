package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Encoding;
import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.iso8583.dialect.FieldType;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes one field's content in its wire encoding. Checks return -1 when the bytes
 * are good, else the failure packed as {@code reason.ordinal() << 32 | relativeOffset}, so the
 * decoder's hot path allocates nothing.
 */
final class FieldCodec {
    static final long OK = -1L;

    private FieldCodec() {
    }

    static long fault(FailureReason reason, int relativeOffset) {
        return ((long) reason.ordinal() << 32) | relativeOffset;
    }

    static FailureReason faultReason(long fault) {
        return FailureReason.values()[(int) (fault >>> 32)];
    }

    static int faultOffset(long fault) {
        return (int) fault;
    }

    /**
     * Reads a length prefix of {@code digits} digits at {@code pos}: the value, or -1 when the
     * prefix is not a number in its encoding.
     */
    static int readPrefix(Encoding enc, int digits, byte[] b, int pos) {
        int value = 0;
        switch (enc) {
            case BINARY:
                if (digits == 2) {
                    return b[pos] & 0xFF;
                }
                return ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            case BCD:
                int bytes = (digits + 1) / 2;
                for (int i = 0; i < bytes; i++) {
                    int hi = (b[pos + i] >>> 4) & 0x0F;
                    int lo = b[pos + i] & 0x0F;
                    if (hi > 9 || lo > 9) {
                        return -1;
                    }
                    value = value * 100 + hi * 10 + lo;
                }
                return value;
            case EBCDIC:
                for (int i = 0; i < digits; i++) {
                    int d = (b[pos + i] & 0xFF) - 0xF0;
                    if (d < 0 || d > 9) {
                        return -1;
                    }
                    value = value * 10 + d;
                }
                return value;
            default:
                for (int i = 0; i < digits; i++) {
                    int d = b[pos + i] - '0';
                    if (d < 0 || d > 9) {
                        return -1;
                    }
                    value = value * 10 + d;
                }
                return value;
        }
    }

    /** Writes a length prefix; the caller has checked the value fits. */
    static void writePrefix(Encoding enc, int digits, int value, byte[] b, int pos) {
        switch (enc) {
            case BINARY:
                if (digits == 2) {
                    b[pos] = (byte) value;
                } else {
                    b[pos] = (byte) (value >>> 8);
                    b[pos + 1] = (byte) value;
                }
                return;
            case BCD:
                int bytes = (digits + 1) / 2;
                int v = value;
                for (int i = bytes - 1; i >= 0; i--) {
                    int two = v % 100;
                    v /= 100;
                    b[pos + i] = (byte) ((two / 10) << 4 | (two % 10));
                }
                return;
            default:
                int w = value;
                int zero = enc == Encoding.EBCDIC ? 0xF0 : '0';
                for (int i = digits - 1; i >= 0; i--) {
                    b[pos + i] = (byte) (zero + w % 10);
                    w /= 10;
                }
        }
    }

    /** Checks wire content of {@code units} units at {@code pos}. */
    static long check(FieldSpec spec, byte[] b, int pos, int wireLen, int units) {
        FieldType type = spec.type();
        switch (spec.encoding()) {
            case BINARY:
                return OK;
            case HEX:
                for (int i = 0; i < wireLen; i++) {
                    if (Wire.HEX_VALUE[b[pos + i] & 0xFF] < 0) {
                        return fault(FailureReason.BAD_HEX, i);
                    }
                }
                return OK;
            case ASCII:
            case EBCDIC:
                return checkText(type, spec.encoding() == Encoding.EBCDIC, b, pos, wireLen);
            default:
                return checkBcd(spec, b, pos, units);
        }
    }

    private static long checkText(FieldType type, boolean ebcdic, byte[] b, int pos, int len) {
        for (int i = 0; i < len; i++) {
            int c = b[pos + i] & 0xFF;
            if (ebcdic) {
                c = Wire.EBCDIC_TO_ASCII[c];
            }
            boolean ok = type == FieldType.X_N
                    ? (i == 0 ? c == 'C' || c == 'D' : c >= '0' && c <= '9')
                    : Wire.allowed(type, c);
            if (!ok) {
                return fault(FailureReason.BAD_CHARACTER, i);
            }
        }
        return OK;
    }

    private static long checkBcd(FieldSpec spec, byte[] b, int pos, int units) {
        int start = pos;
        int digits = units;
        if (spec.type() == FieldType.X_N) {
            if (units == 0) {
                return OK;
            }
            int sign = b[pos] & 0xFF;
            if (sign != 'C' && sign != 'D') {
                return fault(FailureReason.BAD_CHARACTER, 0);
            }
            start = pos + 1;
            digits = units - 1;
        }
        boolean z = spec.type() == FieldType.Z;
        int nibbles = (digits + 1) / 2 * 2;
        int padAt = padNibble(spec.encoding(), digits);
        for (int i = 0; i < nibbles; i++) {
            int byteValue = b[start + i / 2];
            int nib = (i & 1) == 0 ? (byteValue >>> 4) & 0x0F : byteValue & 0x0F;
            if (i == padAt) {
                int want = spec.encoding() == Encoding.BCD_RIGHT_F ? 0x0F : 0;
                if (nib != want) {
                    return fault(FailureReason.BAD_BCD, start - pos + i / 2);
                }
            } else if (nib > 9 && !(z && nib == 0x0D)) {
                return fault(FailureReason.BAD_BCD, start - pos + i / 2);
            }
        }
        return OK;
    }

    /** The nibble index that is padding for an odd digit count, or -1. */
    private static int padNibble(Encoding enc, int digits) {
        if ((digits & 1) == 0) {
            return -1;
        }
        return enc == Encoding.BCD ? 0 : digits;
    }

    /** The field's value as text: characters for text types, uppercase hex for b. */
    static String text(FieldSpec spec, byte[] b, int pos, int wireLen, int units) {
        switch (spec.encoding()) {
            case ASCII:
                return new String(b, pos, wireLen, StandardCharsets.ISO_8859_1);
            case BINARY:
                return Wire.hex(b, pos, wireLen);
            case HEX:
                byte[] upper = new byte[wireLen];
                for (int i = 0; i < wireLen; i++) {
                    upper[i] = Wire.HEX_DIGITS[Wire.HEX_VALUE[b[pos + i] & 0xFF]];
                }
                return new String(upper, StandardCharsets.ISO_8859_1);
            case EBCDIC:
                byte[] ascii = new byte[wireLen];
                for (int i = 0; i < wireLen; i++) {
                    ascii[i] = (byte) Wire.EBCDIC_TO_ASCII[b[pos + i] & 0xFF];
                }
                return new String(ascii, StandardCharsets.ISO_8859_1);
            default:
                return bcdText(spec, b, pos, units);
        }
    }

    private static String bcdText(FieldSpec spec, byte[] b, int pos, int units) {
        byte[] out = new byte[units];
        int start = pos;
        int o = 0;
        int digits = units;
        if (spec.type() == FieldType.X_N && units > 0) {
            out[o++] = b[pos];
            start++;
            digits--;
        }
        int nibbles = (digits + 1) / 2 * 2;
        int padAt = padNibble(spec.encoding(), digits);
        for (int i = 0; i < nibbles; i++) {
            if (i == padAt) {
                continue;
            }
            int byteValue = b[start + i / 2];
            int nib = (i & 1) == 0 ? (byteValue >>> 4) & 0x0F : byteValue & 0x0F;
            out[o++] = (byte) (nib == 0x0D ? '=' : '0' + nib);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** The field's bytes: the raw bytes for b fields, the characters' ASCII codes otherwise. */
    static byte[] bytes(FieldSpec spec, byte[] b, int pos, int wireLen, int units) {
        if (spec.encoding() == Encoding.BINARY) {
            byte[] out = new byte[wireLen];
            System.arraycopy(b, pos, out, 0, wireLen);
            return out;
        }
        if (spec.encoding() == Encoding.HEX) {
            byte[] out = new byte[units];
            for (int i = 0; i < units; i++) {
                out[i] = (byte) (Wire.HEX_VALUE[b[pos + 2 * i] & 0xFF] << 4
                        | Wire.HEX_VALUE[b[pos + 2 * i + 1] & 0xFF]);
            }
            return out;
        }
        return text(spec, b, pos, wireLen, units).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The numeric value of an n field of at most 18 digits, without allocating. */
    static long number(FieldSpec spec, byte[] b, int pos, int wireLen, int units) {
        long v = 0;
        switch (spec.encoding()) {
            case ASCII:
                for (int i = 0; i < wireLen; i++) {
                    v = v * 10 + (b[pos + i] - '0');
                }
                return v;
            case EBCDIC:
                for (int i = 0; i < wireLen; i++) {
                    v = v * 10 + ((b[pos + i] & 0xFF) - 0xF0);
                }
                return v;
            default:
                int nibbles = (units + 1) / 2 * 2;
                int padAt = padNibble(spec.encoding(), units);
                for (int i = 0; i < nibbles; i++) {
                    if (i != padAt) {
                        int byteValue = b[pos + i / 2];
                        v = v * 10 + ((i & 1) == 0 ? (byteValue >>> 4) & 0x0F : byteValue & 0x0F);
                    }
                }
                return v;
        }
    }
}
