package io.caspian.hsm.tr31;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.BlockAlgorithm;
import io.caspian.hsm.crypto.Ciphers;
import io.caspian.hsm.crypto.Cmac;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Wraps and unwraps ANSI X9.143 key blocks of versions B and D.
 *
 * <pre>
 * payload  = key length in bits (2 bytes) | key | random padding to a cipher block
 * MAC      = CMAC(KBMK, header ASCII | payload)       8 bytes (B) or 16 bytes (D)
 * block    = header | hex(CBC(KBEK, IV = MAC, payload)) | hex(MAC)
 * </pre>
 *
 * The MAC is checked, in constant time, before the decrypted payload is interpreted.
 */
public final class KeyBlocks {
    private KeyBlocks() {
    }

    /** A key taken out of a key block: its header and its clear value (caller zeroes it). */
    public record Unwrapped(KeyBlockHeader header, KeyAlgorithm algorithm, byte[] key) {
        @Override
        public String toString() {
            return "Unwrapped[" + header + ", " + algorithm + "]";
        }
    }

    public static String wrap(KeyBlockHeader header, KeyAlgorithm kbpkAlgorithm, byte[] kbpk,
            byte[] key, Random random) {
        BlockAlgorithm cipher = cipherOf(header.version(), kbpkAlgorithm);
        int blockSize = cipher.blockSize();
        int payloadLength = ((2 + key.length + blockSize - 1) / blockSize) * blockSize;
        byte[] payload = new byte[payloadLength];
        payload[0] = (byte) ((key.length * 8) >>> 8);
        payload[1] = (byte) (key.length * 8);
        System.arraycopy(key, 0, payload, 2, key.length);
        byte[] padding = new byte[payloadLength - 2 - key.length];
        random.nextBytes(padding);
        System.arraycopy(padding, 0, payload, 2 + key.length, padding.length);
        int blockLength = header.length() + 2 * payloadLength + 2 * blockSize;
        String headerText = header.encode(blockLength);
        byte[] kbek = KeyDerivation.encryptionKey(cipher, kbpk);
        byte[] kbmk = KeyDerivation.macKey(cipher, kbpk);
        try {
            byte[] mac = mac(cipher, kbmk, headerText, payload);
            byte[] encrypted = Ciphers.encryptCbc(cipher, kbek, mac, payload);
            return headerText + Hex.encode(encrypted) + Hex.encode(mac);
        } finally {
            Secrets.zero(kbek, kbmk, payload);
        }
    }

    /**
     * Unwraps a key block under the KBPK.
     *
     * @throws Refusal KEY_BLOCK_INVALID, KEY_BLOCK_AUTHENTICATION_FAILED or
     *     KEY_BLOCK_HEADER_NOT_PERMITTED
     */
    public static Unwrapped unwrap(String block, KeyAlgorithm kbpkAlgorithm, byte[] kbpk) {
        KeyBlockHeader header = KeyBlockHeader.parse(block);
        BlockAlgorithm cipher = cipherOf(header.version(), kbpkAlgorithm);
        keyCipher(header);
        int declared = KeyBlockHeader.parseDecimal(block.substring(1, 5), "key block length");
        if (declared != block.length()) {
            throw KeyBlockHeader.invalid("key block length field says " + declared
                    + " but the block has " + block.length() + " characters");
        }
        int blockSize = cipher.blockSize();
        int bodyLength = block.length() - header.length() - 2 * blockSize;
        if (bodyLength < 2 * blockSize || bodyLength % (2 * blockSize) != 0) {
            throw KeyBlockHeader.invalid("key block payload is not whole cipher blocks");
        }
        String headerText = block.substring(0, header.length());
        byte[] encrypted = hex(block.substring(header.length(), header.length() + bodyLength));
        byte[] mac = hex(block.substring(header.length() + bodyLength));
        byte[] kbek = KeyDerivation.encryptionKey(cipher, kbpk);
        byte[] kbmk = KeyDerivation.macKey(cipher, kbpk);
        byte[] payload = Ciphers.decryptCbc(cipher, kbek, mac, encrypted);
        try {
            if (!Secrets.equal(mac(cipher, kbmk, headerText, payload), mac)) {
                throw new Refusal(HsmError.KEY_BLOCK_AUTHENTICATION_FAILED,
                        "key block MAC does not verify (wrong ZMK, or the block was altered)");
            }
            return unwrapped(header, payload);
        } finally {
            Secrets.zero(kbek, kbmk, payload);
        }
    }

    private static Unwrapped unwrapped(KeyBlockHeader header, byte[] payload) {
        int bits = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        int length = bits / 8;
        KeyAlgorithm algorithm = KeyAlgorithm.of(keyCipher(header), length);
        if (bits % 8 != 0 || algorithm == null || 2 + length > payload.length) {
            throw KeyBlockHeader.invalid("key length " + bits + " bits does not fit algorithm "
                    + header.algorithm());
        }
        return new Unwrapped(header, algorithm, Arrays.copyOfRange(payload, 2, 2 + length));
    }

    /** The cipher of the wrapped key: X9.143 algorithm T (TDES) or A (AES). */
    static BlockAlgorithm keyCipher(KeyBlockHeader header) {
        return switch (header.algorithm()) {
            case 'T' -> BlockAlgorithm.TDES;
            case 'A' -> BlockAlgorithm.AES;
            default -> throw new Refusal(HsmError.KEY_BLOCK_HEADER_NOT_PERMITTED,
                    "key algorithm " + header.algorithm() + " is not TDES (T) or AES (A)");
        };
    }

    private static byte[] mac(BlockAlgorithm cipher, byte[] kbmk, String header,
            byte[] payload) {
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[headerBytes.length + payload.length];
        System.arraycopy(headerBytes, 0, data, 0, headerBytes.length);
        System.arraycopy(payload, 0, data, headerBytes.length, payload.length);
        try {
            return Cmac.compute(cipher, kbmk, data);
        } finally {
            Secrets.zero(data);
        }
    }

    private static BlockAlgorithm cipherOf(char version, KeyAlgorithm kbpkAlgorithm) {
        BlockAlgorithm cipher = switch (version) {
            case 'B' -> BlockAlgorithm.TDES;
            case 'D' -> BlockAlgorithm.AES;
            case 'A', 'C' -> throw new Refusal(HsmError.KEY_BLOCK_HEADER_NOT_PERMITTED,
                    "key block version " + version + " (key variant binding) is deprecated by"
                            + " X9.143 and not accepted");
            default -> throw KeyBlockHeader.invalid("unknown key block version " + version);
        };
        if (kbpkAlgorithm.blockAlgorithm() != cipher) {
            throw new Refusal(HsmError.KEY_ALGORITHM_NOT_PERMITTED, "key block version "
                    + version + " needs a " + cipher + " ZMK, not " + kbpkAlgorithm);
        }
        return cipher;
    }

    private static byte[] hex(String text) {
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw KeyBlockHeader.invalid("key block body is not hex");
        }
    }
}
