package io.caspian.hsm.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;

/** The two block ciphers the HSM uses, with their block sizes. */
public enum BlockAlgorithm {
    /** Triple DES (ANSI X9.52), 8-byte blocks, double- or triple-length keys. */
    TDES(8),
    /** AES (FIPS 197), 16-byte blocks, 128-, 192- or 256-bit keys. */
    AES(16);

    private final int blockSize;

    BlockAlgorithm(int blockSize) {
        this.blockSize = blockSize;
    }

    public int blockSize() {
        return blockSize;
    }

    /** A fresh, uninitialised engine; engines are not thread-safe, so never share one. */
    public BlockCipher newEngine() {
        return this == TDES ? new DESedeEngine() : AESEngine.newInstance();
    }
}
