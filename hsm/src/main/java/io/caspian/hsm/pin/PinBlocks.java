package io.caspian.hsm.pin;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.BlockAlgorithm;
import io.caspian.hsm.crypto.Ciphers;
import io.caspian.hsm.crypto.Secrets;
import java.util.Random;

/**
 * Enciphers and deciphers PIN blocks (ISO 9564-1:2017, 9.3 and 9.4).
 *
 * <p>Formats 0, 1 and 3: the clear block is encrypted with TDES in one ECB block. Format 4:
 * <pre>
 *   A = AES(K, PIN field);  B = A XOR PAN field;  block = AES(K, B)
 * </pre>
 */
public final class PinBlocks {
    private PinBlocks() {
    }

    public static byte[] encipher(PinBlockFormat format, KeyAlgorithm algorithm, byte[] key,
            ClearPin pin, Pan pan, Random random) {
        checkKey(format, algorithm);
        if (format != PinBlockFormat.ISO_4) {
            byte[] clear = PinFields.clearBlock(format, pin, pan, random);
            try {
                return Ciphers.encryptEcb(BlockAlgorithm.TDES, key, clear);
            } finally {
                Secrets.zero(clear);
            }
        }
        byte[] pinField = PinFields.pinField(format, pin, random);
        byte[] intermediateA = Ciphers.encryptEcb(BlockAlgorithm.AES, key, pinField);
        byte[] intermediateB = Secrets.xor(intermediateA, PinFields.panField(format, pan));
        try {
            return Ciphers.encryptEcb(BlockAlgorithm.AES, key, intermediateB);
        } finally {
            Secrets.zero(pinField, intermediateA, intermediateB);
        }
    }

    /**
     * Deciphers a PIN block and returns the PIN it holds.
     *
     * @throws Refusal PIN_BLOCK_INVALID if the block does not decode as the format with this
     *     key and PAN; PIN_LENGTH_INVALID; PAN_INVALID
     */
    public static ClearPin decipher(PinBlockFormat format, KeyAlgorithm algorithm, byte[] key,
            byte[] block, Pan pan) {
        checkKey(format, algorithm);
        if (block.length != format.blockLengthBytes()) {
            throw new Refusal(HsmError.PIN_BLOCK_INVALID, "a format " + format.number()
                    + " PIN block is " + format.blockLengthBytes() + " bytes, not " + block.length);
        }
        if (format != PinBlockFormat.ISO_4) {
            byte[] clear = Ciphers.decryptEcb(BlockAlgorithm.TDES, key, block);
            byte[] pinField = format.usesPan()
                    ? Secrets.xor(clear, PinFields.panField(format, pan)) : clear.clone();
            try {
                return PinFields.parsePinField(format, pinField);
            } finally {
                Secrets.zero(clear, pinField);
            }
        }
        byte[] intermediateB = Ciphers.decryptEcb(BlockAlgorithm.AES, key, block);
        byte[] intermediateA = Secrets.xor(intermediateB, PinFields.panField(format, pan));
        byte[] pinField = Ciphers.decryptEcb(BlockAlgorithm.AES, key, intermediateA);
        try {
            return PinFields.parsePinField(format, pinField);
        } finally {
            Secrets.zero(intermediateA, intermediateB, pinField);
        }
    }

    /**
     * The clear PIN block (formats 0, 1, 3) or clear PIN field (format 4), for tests and key
     * ceremonies only: it holds the PIN in a reversible form.
     */
    public static byte[] clearBlock(PinBlockFormat format, ClearPin pin, Pan pan,
            Random random) {
        return format == PinBlockFormat.ISO_4
                ? PinFields.pinField(format, pin, random)
                : PinFields.clearBlock(format, pin, pan, random);
    }

    /** The PAN field a format binds the PIN to (format 1 has none: zeros). */
    public static byte[] panField(PinBlockFormat format, Pan pan) {
        return format.usesPan() ? PinFields.panField(format, pan)
                : new byte[format.blockLengthBytes()];
    }

    private static void checkKey(PinBlockFormat format, KeyAlgorithm algorithm) {
        if (algorithm.blockAlgorithm() != format.cipher()) {
            throw new Refusal(HsmError.KEY_ALGORITHM_NOT_PERMITTED, "PIN block format "
                    + format.number() + " is defined for " + format.cipher() + " keys, not "
                    + algorithm);
        }
    }
}
