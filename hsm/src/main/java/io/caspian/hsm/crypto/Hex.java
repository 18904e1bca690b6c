package io.caspian.hsm.crypto;

import java.util.HexFormat;

/** Upper-case hex, the form every HSM command line and key ceremony uses. */
public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    /**
     * Decodes hex of either case.
     *
     * @throws IllegalArgumentException with a message that never echoes the input, which may
     *     be secret
     */
    public static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex must have an even number of digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("not a hex digit at position " + i);
            }
        }
        return HexFormat.of().parseHex(hex);
    }
}
