package io.caspian.hsm;

import io.caspian.hsm.crypto.BlockAlgorithm;

/** Key algorithm and length. TR-31 writes TDES as {@code T} and AES as {@code A}. */
public enum KeyAlgorithm {
    TDES_2KEY(BlockAlgorithm.TDES, 16),
    TDES_3KEY(BlockAlgorithm.TDES, 24),
    AES_128(BlockAlgorithm.AES, 16),
    AES_192(BlockAlgorithm.AES, 24),
    AES_256(BlockAlgorithm.AES, 32);

    private final BlockAlgorithm blockAlgorithm;
    private final int keyLengthBytes;

    KeyAlgorithm(BlockAlgorithm blockAlgorithm, int keyLengthBytes) {
        this.blockAlgorithm = blockAlgorithm;
        this.keyLengthBytes = keyLengthBytes;
    }

    public BlockAlgorithm blockAlgorithm() {
        return blockAlgorithm;
    }

    public int keyLengthBytes() {
        return keyLengthBytes;
    }

    public boolean isTdes() {
        return blockAlgorithm == BlockAlgorithm.TDES;
    }

    /** The algorithm of a key of the given cipher and length, or null if there is none. */
    public static KeyAlgorithm of(BlockAlgorithm blockAlgorithm, int keyLengthBytes) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.blockAlgorithm == blockAlgorithm
                    && algorithm.keyLengthBytes == keyLengthBytes) {
                return algorithm;
            }
        }
        return null;
    }
}
