package io.caspian.hsm.tr31;

import io.caspian.hsm.crypto.BlockAlgorithm;
import io.caspian.hsm.crypto.Cmac;

/**
 * Derives the key block encryption key (KBEK) and MAC key (KBMK) from the key block
 * protection key (ANSI X9.143, 6.3.1; NIST SP 800-108 counter mode with CMAC as the PRF).
 *
 * <pre>
 * derivation data (8 bytes), one CMAC block per counter value:
 *   counter (1) | usage 0000 = KBEK, 0001 = KBMK (2) | separator 00 (1)
 *   | algorithm (2): 0000 TDES-2, 0001 TDES-3, 0002 AES-128, 0003 AES-192, 0004 AES-256
 *   | length in bits (2): 0080, 00C0, 0080, 00C0, 0100
 * </pre>
 */
final class KeyDerivation {
    private KeyDerivation() {
    }

    static byte[] encryptionKey(BlockAlgorithm algorithm, byte[] kbpk) {
        return derive(algorithm, kbpk, 0);
    }

    static byte[] macKey(BlockAlgorithm algorithm, byte[] kbpk) {
        return derive(algorithm, kbpk, 1);
    }

    private static byte[] derive(BlockAlgorithm algorithm, byte[] kbpk, int usage) {
        int indicator = algorithmIndicator(algorithm, kbpk.length);
        int bits = kbpk.length * 8;
        byte[] out = new byte[kbpk.length];
        int blockSize = algorithm.blockSize();
        for (int counter = 1; (counter - 1) * blockSize < out.length; counter++) {
            byte[] data = {(byte) counter, 0, (byte) usage, 0, 0, (byte) indicator,
                (byte) (bits >>> 8), (byte) bits};
            byte[] block = Cmac.compute(algorithm, kbpk, data);
            int offset = (counter - 1) * blockSize;
            System.arraycopy(block, 0, out, offset, Math.min(blockSize, out.length - offset));
        }
        return out;
    }

    private static int algorithmIndicator(BlockAlgorithm algorithm, int keyLength) {
        if (algorithm == BlockAlgorithm.TDES) {
            return keyLength == 16 ? 0 : 1;
        }
        return switch (keyLength) {
            case 16 -> 2;
            case 24 -> 3;
            default -> 4;
        };
    }
}
