package io.caspian.hsm.pin;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.Secrets;

/**
 * A clear PIN of 4 to 12 digits (ISO 9564-1), held as digit values 0 to 9. Closing it zeroes
 * the digits; {@link #toString()} never shows them.
 */
public final class ClearPin implements AutoCloseable {
    public static final int LENGTH_MIN = 4;
    public static final int LENGTH_MAX = 12;

    private final byte[] digits;

    private ClearPin(byte[] digits) {
        this.digits = digits;
    }

    /** Takes ownership of {@code digits} (each 0 to 9). */
    static ClearPin ofDigits(byte[] digits) {
        checkLength(digits.length);
        for (byte digit : digits) {
            if (digit < 0 || digit > 9) {
                Secrets.zero(digits);
                throw new Refusal(HsmError.PIN_BLOCK_INVALID, "PIN field holds a non-digit");
            }
        }
        return new ClearPin(digits);
    }

    /**
     * A PIN typed as characters (test and enrolment use only).
     *
     * @throws Refusal PIN_LENGTH_INVALID or INPUT_INVALID, without echoing the input
     */
    public static ClearPin of(char[] pin) {
        checkLength(pin.length);
        byte[] digits = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            if (pin[i] < '0' || pin[i] > '9') {
                Secrets.zero(digits);
                throw new Refusal(HsmError.INPUT_INVALID, "a PIN is made of digits 0 to 9 only");
            }
            digits[i] = (byte) (pin[i] - '0');
        }
        return new ClearPin(digits);
    }

    static void checkLength(int length) {
        if (length < LENGTH_MIN || length > LENGTH_MAX) {
            throw new Refusal(HsmError.PIN_LENGTH_INVALID,
                    "PIN length " + length + " is outside 4 to 12 (ISO 9564-1)");
        }
    }

    public int length() {
        return digits.length;
    }

    int digit(int index) {
        return digits[index];
    }

    /** Constant-time comparison with another PIN. */
    public boolean matches(ClearPin other) {
        return Secrets.equal(digits, other.digits);
    }

    /** A copy of the digit values, for sealing under the LMK; the caller zeroes it. */
    public byte[] digitsCopy() {
        return digits.clone();
    }

    /** Takes ownership of digit values produced by {@link #digitsCopy()}. */
    public static ClearPin fromDigitsCopy(byte[] digits) {
        return ofDigits(digits);
    }

    @Override
    public void close() {
        Secrets.zero(digits);
    }

    @Override
    public String toString() {
        return "ClearPin[redacted]";
    }
}
