package io.caspian.hsm;

import io.caspian.hsm.crypto.BlockAlgorithm;

/** The MAC algorithms of the HSM: ISO 9797-1 algorithms 1 and 3 under TDES, and AES-CMAC. */
public enum MacAlgorithm {
    /** ISO 9797-1 MAC algorithm 1 (CBC-MAC), padding method 1 (zeros). */
    ISO9797_ALG1_PAD1(BlockAlgorithm.TDES),
    /** ISO 9797-1 MAC algorithm 1 (CBC-MAC), padding method 2 (0x80 then zeros). */
    ISO9797_ALG1_PAD2(BlockAlgorithm.TDES),
    /** ISO 9797-1 MAC algorithm 3 (retail MAC), padding method 1. */
    ISO9797_ALG3_PAD1(BlockAlgorithm.TDES),
    /** ISO 9797-1 MAC algorithm 3 (retail MAC), padding method 2. */
    ISO9797_ALG3_PAD2(BlockAlgorithm.TDES),
    /** CMAC with AES (NIST SP 800-38B; ISO 9797-1:2011 MAC algorithm 5). */
    AES_CMAC(BlockAlgorithm.AES);

    private final BlockAlgorithm cipher;

    MacAlgorithm(BlockAlgorithm cipher) {
        this.cipher = cipher;
    }

    public BlockAlgorithm cipher() {
        return cipher;
    }

    /** The longest MAC the algorithm produces: one cipher block. */
    public int maxLengthBytes() {
        return cipher.blockSize();
    }
}
