package io.caspian.hsm;

import io.caspian.hsm.crypto.Hex;
import java.util.Arrays;

/**
 * A PIN block encrypted under a zone PIN key: 8 bytes (formats 0, 1, 3) or 16 (format 4).
 * Even encrypted, it is never printed: {@link #toString()} gives its length only.
 *
 * @param bytes the encrypted block; copied in and out
 */
public record EncryptedPinBlock(byte[] bytes) {
    public EncryptedPinBlock {
        if (bytes == null || (bytes.length != 8 && bytes.length != 16)) {
            throw new IllegalArgumentException("an encrypted PIN block is 8 or 16 bytes");
        }
        bytes = bytes.clone();
    }

    public static EncryptedPinBlock ofHex(String hex) {
        return new EncryptedPinBlock(Hex.decode(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Hex for the wire or the command line; the caller decides where it may go. */
    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedPinBlock that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncryptedPinBlock[" + bytes.length + " bytes]";
    }
}
