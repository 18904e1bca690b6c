package io.caspian.hsm.crypto;

/** DES keys carry odd parity in the low bit of each byte (FIPS 46-3). */
public final class DesParity {
    private DesParity() {
    }

    /** Sets the low bit of every byte so that each byte has an odd number of one bits. */
    public static void adjustToOdd(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            int high = key[i] & 0xFE;
            key[i] = (byte) (Integer.bitCount(high) % 2 == 0 ? high | 1 : high);
        }
    }
}
