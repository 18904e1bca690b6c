package io.caspian.hsm.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/** Hygiene for secret bytes: zeroing after use and comparisons that leak no timing. */
public final class Secrets {
    private Secrets() {
    }

    /** Overwrites each array with zeros; null arrays are skipped. */
    public static void zero(byte[]... arrays) {
        for (byte[] array : arrays) {
            if (array != null) {
                Arrays.fill(array, (byte) 0);
            }
        }
    }

    /** Constant-time comparison (the time depends on the lengths only). */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** a XOR b, element by element; both arrays must have the same length. */
    public static byte[] xor(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("xor of arrays of different lengths");
        }
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
