package io.caspian.hsm;

import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.KeyCheckValues;
import io.caspian.hsm.crypto.Secrets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Verifies a check value a sender or custodian gave (ANSI X9.24-1: compared over the digits
 * given, 4 or 6); a mismatch refuses the whole command before anything is stored.
 */
final class CheckValues {
    private CheckValues() {
    }

    /** @param subject what the value is, for the refusal: "the key", "component 2" */
    static void require(KeyAlgorithm algorithm, byte[] value, String expected, String subject) {
        byte[] actual = KeyCheckValues.compute(algorithm.blockAlgorithm(), value);
        byte[] wanted;
        try {
            wanted = Hex.decode(expected);
        } catch (IllegalArgumentException e) {
            throw new Refusal(HsmError.INPUT_INVALID,
                    "the expected check value of " + subject + " is not hex");
        }
        if (wanted.length < 2 || wanted.length > KeyCheckValues.LENGTH_BYTES
                || !Secrets.equal(Arrays.copyOf(actual, wanted.length), wanted)) {
            throw new Refusal(HsmError.KEY_CHECK_VALUE_MISMATCH, subject + "'s check value is "
                    + Hex.encode(actual) + ", not " + expected.toUpperCase(Locale.ROOT));
        }
    }
}
