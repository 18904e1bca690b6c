package io.caspian.hsm;

import io.caspian.hsm.crypto.AesGcm;
import java.util.Arrays;
import java.util.Objects;

/**
 * Data encrypted under a data key with AES-256-GCM (NIST SP 800-38D).
 *
 * <pre>
 * ciphertext = nonce (12 bytes, random) || encrypted data (its length) || tag (16 bytes)
 * </pre>
 *
 * Store the key reference with the ciphertext: after the data key rotates, decryption needs
 * the version that encrypted it ({@link KeyRef#toString()} and {@link KeyRef#parse} give a
 * text form such as {@code data.pan@v2}).
 *
 * @param ciphertext the layout above; copied in and out
 * @param key the data key and the explicit version that encrypted it
 */
public record EncryptedData(byte[] ciphertext, KeyRef key) {
    public EncryptedData {
        ciphertext = ciphertext.clone();
        Objects.requireNonNull(key, "key");
        if (key.isCurrent()) {
            throw new IllegalArgumentException("encrypted data names the version that made it");
        }
        if (ciphertext.length < AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES) {
            throw new IllegalArgumentException("ciphertext shorter than a nonce and a tag");
        }
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedData that && key.equals(that.key)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ciphertext) + key.hashCode();
    }

    @Override
    public String toString() {
        return "EncryptedData[" + ciphertext.length + " bytes under " + key + "]";
    }
}
