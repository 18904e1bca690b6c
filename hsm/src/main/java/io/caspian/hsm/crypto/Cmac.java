package io.caspian.hsm.crypto;

import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** CMAC (NIST SP 800-38B) over TDES or AES; the full block is returned. */
public final class Cmac {
    private Cmac() {
    }

    public static byte[] compute(BlockAlgorithm algorithm, byte[] key, byte[] data) {
        return compute(algorithm, key, data, 0, data.length);
    }

    public static byte[] compute(
            BlockAlgorithm algorithm, byte[] key, byte[] data, int offset, int length) {
        CMac mac = new CMac(algorithm.newEngine());
        mac.init(new KeyParameter(key));
        mac.update(data, offset, length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
