package io.caspian.iso8583;

import io.caspian.iso8583.dialect.FieldType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-level tables shared by the decoder and encoder: EBCDIC, hex and character classes. */
final class Wire {
    /** EBCDIC byte to ASCII character (IBM code page 037); -1 where there is none. */
    static final int[] EBCDIC_TO_ASCII = new int[256];
    /** ASCII character to EBCDIC byte; -1 where there is none. */
    static final int[] ASCII_TO_EBCDIC = new int[128];
    /** Hex character to its value; -1 for anything else. */
    static final int[] HEX_VALUE = new int[256];
    static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per type ordinal, per ASCII byte: whether the type allows it. */
    private static final boolean[][] ALLOWED = new boolean[FieldType.values().length][256];

    static {
        Arrays.fill(EBCDIC_TO_ASCII, -1);
        Arrays.fill(ASCII_TO_EBCDIC, -1);
        Charset cp037 = Charset.forName("IBM037");
        for (int c = 0x20; c < 0x7F; c++) {
            byte[] e = String.valueOf((char) c).getBytes(cp037);
            int b = e[0] & 0xFF;
            ASCII_TO_EBCDIC[c] = b;
            EBCDIC_TO_ASCII[b] = c;
        }
        Arrays.fill(HEX_VALUE, -1);
        for (int i = 0; i < 10; i++) {
            HEX_VALUE['0' + i] = i;
        }
        for (int i = 0; i < 6; i++) {
            HEX_VALUE['A' + i] = 10 + i;
            HEX_VALUE['a' + i] = 10 + i;
        }
        for (FieldType t : FieldType.values()) {
            for (int c = 0; c < 256; c++) {
                ALLOWED[t.ordinal()][c] = c < 128 && t.allows(c);
            }
        }
    }

    private Wire() {
    }

    /** Whether ASCII character {@code c} (0..255) belongs to the type's set. */
    static boolean allowed(FieldType type, int c) {
        return c >= 0 && c < 256 && ALLOWED[type.ordinal()][c];
    }

    static String hex(byte[] bytes, int off, int len) {
        byte[] out = new byte[len * 2];
        for (int i = 0; i < len; i++) {
            int b = bytes[off + i] & 0xFF;
            out[2 * i] = HEX_DIGITS[b >>> 4];
            out[2 * i + 1] = HEX_DIGITS[b & 0x0F];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Parses hex text; null when it is not an even number of hex characters. */
    static byte[] unhex(CharSequence s) {
        int n = s.length();
        if ((n & 1) != 0) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = s.charAt(i) < 256 ? HEX_VALUE[s.charAt(i)] : -1;
            int lo = s.charAt(i + 1) < 256 ? HEX_VALUE[s.charAt(i + 1)] : -1;
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i / 2] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
