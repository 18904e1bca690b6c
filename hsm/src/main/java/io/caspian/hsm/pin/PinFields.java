package io.caspian.hsm.pin;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.Secrets;
import java.util.Random;

/**
 * The plain text PIN field and PAN field of ISO 9564-1:2017 (section 9).
 *
 * <pre>
 * PIN field, formats 0/1/3 (8 bytes):  C N P P P P p/f ... p/f f f    C = format, N = length
 *   fill: 0 -> F; 1 -> random 0-F; 3 -> random A-F
 * PAN field, formats 0/3 (8 bytes):    0 0 0 0 A1 ... A12   12 rightmost PAN digits, check
 *                                                           digit excluded
 * PIN field, format 4 (16 bytes):      4 N P P P P p/A ... A (16 nibbles) | 8 random bytes
 * PAN field, format 4 (16 bytes):      M A1 ... A12 [... A19] 0 ... 0    M = PAN length - 12;
 *                                      a PAN under 12 digits is left-padded with 0, M = 0
 * </pre>
 */
final class PinFields {
    private static final int FILL_0 = 0xF;
    private static final int FILL_4 = 0xA;

    private PinFields() {
    }

    static byte[] pinField(PinBlockFormat format, ClearPin pin, Random random) {
        byte[] field = new byte[format.blockLengthBytes()];
        Nibbles.set(field, 0, format.number());
        Nibbles.set(field, 1, pin.length());
        for (int i = 0; i < pin.length(); i++) {
            Nibbles.set(field, 2 + i, pin.digit(i));
        }
        for (int i = 2 + pin.length(); i < 16; i++) {
            Nibbles.set(field, i, fill(format, random));
        }
        if (format == PinBlockFormat.ISO_4) {
            byte[] tail = new byte[8];
            random.nextBytes(tail);
            System.arraycopy(tail, 0, field, 8, 8);
        }
        return field;
    }

    private static int fill(PinBlockFormat format, Random random) {
        return switch (format) {
            case ISO_0 -> FILL_0;
            case ISO_1 -> random.nextInt(16);
            case ISO_3 -> 0xA + random.nextInt(6);
            case ISO_4 -> FILL_4;
        };
    }

    /** Reads the PIN back from a PIN field, checking control, length, digits and fill. */
    static ClearPin parsePinField(PinBlockFormat format, byte[] field) {
        int control = Nibbles.get(field, 0);
        if (control != format.number()) {
            throw new Refusal(HsmError.PIN_BLOCK_INVALID, "PIN block does not decode as format "
                    + format.number() + " (wrong key, wrong PAN or wrong format)");
        }
        int length = Nibbles.get(field, 1);
        ClearPin.checkLength(length);
        for (int i = 2 + length; i < 16; i++) {
            if (!fillValid(format, Nibbles.get(field, i))) {
                throw new Refusal(HsmError.PIN_BLOCK_INVALID, "PIN block fill is not that of"
                        + " format " + format.number() + " (wrong key, wrong PAN or wrong format)");
            }
        }
        byte[] digits = new byte[length];
        for (int i = 0; i < length; i++) {
            digits[i] = (byte) Nibbles.get(field, 2 + i);
        }
        return ClearPin.ofDigits(digits);
    }

    private static boolean fillValid(PinBlockFormat format, int nibble) {
        return switch (format) {
            case ISO_0 -> nibble == FILL_0;
            case ISO_1 -> true;
            case ISO_3 -> nibble >= 0xA;
            case ISO_4 -> nibble == FILL_4;
        };
    }

    static byte[] panField(PinBlockFormat format, Pan pan) {
        return format == PinBlockFormat.ISO_4 ? panField4(pan) : panField0(pan);
    }

    private static byte[] panField0(Pan pan) {
        if (pan.length() < 13) {
            throw new Refusal(HsmError.PAN_INVALID,
                    "formats 0 and 3 need a PAN of at least 13 digits");
        }
        String digits = pan.digits();
        String twelve = digits.substring(digits.length() - 13, digits.length() - 1);
        byte[] field = new byte[8];
        for (int i = 0; i < 12; i++) {
            Nibbles.set(field, 4 + i, twelve.charAt(i) - '0');
        }
        return field;
    }

    private static byte[] panField4(Pan pan) {
        String digits = pan.digits();
        String padded = digits.length() < 12 ? "0".repeat(12 - digits.length()) + digits : digits;
        byte[] field = new byte[16];
        Nibbles.set(field, 0, padded.length() - 12);
        for (int i = 0; i < padded.length(); i++) {
            Nibbles.set(field, 1 + i, padded.charAt(i) - '0');
        }
        return field;
    }

    /** Clear PIN block of formats 0, 1 and 3: PIN field XOR PAN field (format 1: no PAN). */
    static byte[] clearBlock(PinBlockFormat format, ClearPin pin, Pan pan, Random random) {
        byte[] pinField = pinField(format, pin, random);
        if (!format.usesPan()) {
            return pinField;
        }
        try {
            return Secrets.xor(pinField, panField(format, pan));
        } finally {
            Secrets.zero(pinField);
        }
    }
}
