package io.caspian.hsm.mac;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.Secrets;
import java.util.Arrays;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.CBCBlockCipherMac;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Computes and checks MACs.
 *
 * <pre>
 * ISO 9797-1 alg 1: CBC-MAC with TDES under K, IV zero; MAC = last block.
 * ISO 9797-1 alg 3: CBC with single DES under K (left half), then the last block is
 *                   decrypted under K' (right half) and encrypted under K again.
 * padding 1:        zeros to a block boundary (none if already aligned; empty data gets
 *                   one block of zeros).
 * padding 2:        0x80, then zeros to a block boundary (always adds at least one byte).
 * AES-CMAC:         NIST SP 800-38B.
 * </pre>
 *
 * A MAC shorter than a block is its leftmost bytes (ISO 9797-1, 7.4 truncation).
 */
public final class MacEngine {
    /** The shortest MAC accepted: four bytes, the ISO 9797-1 floor for retail use. */
    public static final int LENGTH_MIN_BYTES = 4;

    private MacEngine() {
    }

    public static byte[] generate(MacAlgorithm algorithm, KeyAlgorithm keyAlgorithm,
            byte[] key, byte[] data, int offset, int length, int macLengthBytes) {
        return compute(initialised(algorithm, keyAlgorithm, key), algorithm, data, offset,
                length, macLengthBytes);
    }

    /** A MAC keyed and ready (its key schedule computed), for {@link #compute}. */
    public static Mac initialised(MacAlgorithm algorithm, KeyAlgorithm keyAlgorithm,
            byte[] key) {
        Mac mac = newMac(algorithm, keyAlgorithm);
        mac.init(new KeyParameter(key));
        return mac;
    }

    /**
     * The MAC of the data under an initialised MAC, which is left keyed and reset for the
     * next use (Bouncy Castle's {@code doFinal} resets); one caller at a time per MAC.
     */
    public static byte[] compute(Mac mac, MacAlgorithm algorithm, byte[] data, int offset,
            int length, int macLengthBytes) {
        checkLength(algorithm, macLengthBytes);
        byte[] full = new byte[mac.getMacSize()];
        synchronized (mac) {
            try {
                mac.update(data, offset, length);
                mac.doFinal(full, 0);
            } finally {
                mac.reset();
            }
        }
        byte[] truncated = Arrays.copyOf(full, macLengthBytes);
        Secrets.zero(full);
        return truncated;
    }

    /** Recomputes the MAC and compares in constant time. */
    public static boolean verify(MacAlgorithm algorithm, KeyAlgorithm keyAlgorithm, byte[] key,
            byte[] data, int offset, int length, byte[] expected) {
        byte[] actual = generate(algorithm, keyAlgorithm, key, data, offset, length,
                expected.length);
        return Secrets.equal(actual, expected);
    }

    public static void checkLength(MacAlgorithm algorithm, int macLengthBytes) {
        if (macLengthBytes < LENGTH_MIN_BYTES || macLengthBytes > algorithm.maxLengthBytes()) {
            throw new Refusal(HsmError.MAC_LENGTH_INVALID, "a " + algorithm + " MAC is "
                    + LENGTH_MIN_BYTES + " to " + algorithm.maxLengthBytes() + " bytes, not "
                    + macLengthBytes);
        }
    }

    private static Mac newMac(MacAlgorithm algorithm, KeyAlgorithm keyAlgorithm) {
        if (keyAlgorithm.blockAlgorithm() != algorithm.cipher()) {
            throw new Refusal(HsmError.KEY_ALGORITHM_NOT_PERMITTED,
                    algorithm + " needs a " + algorithm.cipher() + " key, not " + keyAlgorithm);
        }
        return switch (algorithm) {
            case ISO9797_ALG1_PAD1 -> new CBCBlockCipherMac(new DESedeEngine(), 64);
            case ISO9797_ALG1_PAD2 ->
                    new CBCBlockCipherMac(new DESedeEngine(), 64, new ISO7816d4Padding());
            case ISO9797_ALG3_PAD1 -> alg3(keyAlgorithm, null);
            case ISO9797_ALG3_PAD2 -> alg3(keyAlgorithm, new ISO7816d4Padding());
            case AES_CMAC -> new CMac(algorithm.cipher().newEngine());
        };
    }

    private static Mac alg3(KeyAlgorithm keyAlgorithm, ISO7816d4Padding padding) {
        if (keyAlgorithm != KeyAlgorithm.TDES_2KEY) {
            throw new Refusal(HsmError.KEY_ALGORITHM_NOT_PERMITTED,
                    "ISO 9797-1 MAC algorithm 3 takes a double-length key (K, K')");
        }
        return new RetailMac(padding);
    }
}
