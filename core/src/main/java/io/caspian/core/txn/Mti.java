package io.caspian.core.txn;

/**
 * An MTI's four digits: ISO version, message class, function and origin.
 * {@code 0200} is a 1987 financial request from the acquirer; {@code 2421} a 2003 reversal
 * advice repeat.
 */
public record Mti(int version, int messageClass, int function, int origin) {
    public static final int CLASS_AUTHORIZATION = 1;
    public static final int CLASS_FINANCIAL = 2;
    public static final int CLASS_REVERSAL = 4;
    public static final int CLASS_NETWORK = 8;
    public static final int FUNCTION_REQUEST = 0;
    public static final int FUNCTION_RESPONSE = 1;
    public static final int FUNCTION_ADVICE = 2;
    public static final int FUNCTION_ADVICE_RESPONSE = 3;

    public static Mti parse(String mti) {
        if (!Digits.exactly(mti, 4)) {
            throw new IllegalArgumentException("not an MTI: " + mti);
        }
        return new Mti(mti.charAt(0) - '0', mti.charAt(1) - '0', mti.charAt(2) - '0',
                mti.charAt(3) - '0');
    }

    /** Origin 1 (x201, x401, x421) is a repeat of an earlier message. */
    public boolean isRepeat() {
        return origin == 1 || origin == 3;
    }

    public boolean isRequestOrAdvice() {
        return function == FUNCTION_REQUEST || function == FUNCTION_ADVICE;
    }

    /** The response to this request or advice: function + 1, origin 0. */
    public Mti response() {
        return new Mti(version, messageClass, function + 1, 0);
    }

    /** The same message, first transmission (origin 0). */
    public Mti original() {
        return new Mti(version, messageClass, function, origin == 1 ? 0 : origin == 3 ? 2 : origin);
    }

    public Mti withVersion(int v) {
        return new Mti(v, messageClass, function, origin);
    }

    @Override
    public String toString() {
        return "" + version + messageClass + function + origin;
    }
}
