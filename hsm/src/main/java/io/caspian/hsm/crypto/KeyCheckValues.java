package io.caspian.hsm.crypto;

import java.util.Arrays;

/**
 * Key check values: the leftmost three bytes of a known computation under the key.
 *
 * <p>TDES: encrypt a block of binary zeros (ANSI X9.24-1). AES: CMAC of a block of binary
 * zeros, as ANSI X9.24-1:2017 and X9.143 specify for AES keys, because encrypting a zero
 * block would reveal a known plaintext/ciphertext pair usable against the key itself.
 */
public final class KeyCheckValues {
    /** Three bytes, six hex digits: the length every scheme exchanges. */
    public static final int LENGTH_BYTES = 3;

    private KeyCheckValues() {
    }

    public static byte[] compute(BlockAlgorithm algorithm, byte[] key) {
        byte[] zeros = new byte[algorithm.blockSize()];
        byte[] full = algorithm == BlockAlgorithm.TDES
                ? Ciphers.encryptEcb(algorithm, key, zeros)
                : Cmac.compute(algorithm, key, zeros);
        return Arrays.copyOf(full, LENGTH_BYTES);
    }
}
