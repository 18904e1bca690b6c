package io.caspian.hsm.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM (NIST SP 800-38D) with a 96-bit nonce and a 128-bit tag, in one self-describing
 * layout:
 *
 * <pre>
 * sealed = nonce (12 bytes) || ciphertext (as long as the plaintext) || tag (16 bytes)
 * </pre>
 *
 * A 96-bit nonce is the length SP 800-38D section 8.2 recommends: it is used as is, with no
 * GHASH derivation. The caller draws it; it must never repeat under one key.
 */
public final class AesGcm {
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    /**
     * One cipher per thread, initialised afresh (key and nonce) for every operation: the
     * provider look-up of {@code Cipher.getInstance} costs more than sealing a PAN.
     */
    private static final ThreadLocal<Cipher> ENGINE = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private AesGcm() {
    }

    public static byte[] seal(byte[] key, byte[] nonce, byte[] associatedData,
            byte[] plaintext) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a GCM nonce here is " + NONCE_BYTES + " bytes");
        }
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData)
                    .doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext, or empty when the tag does not verify (wrong key, wrong associated data,
     * or altered bytes): GCM releases nothing unauthenticated.
     */
    public static Optional<byte[]> open(byte[] key, byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new IllegalArgumentException("shorter than a nonce and a tag");
        }
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData)
                    .doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = ENGINE.get();
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        GCMParameterSpec parameters = new GCMParameterSpec(TAG_BYTES * 8, nonce);
        try {
            cipher.init(mode, spec, parameters);
        } catch (InvalidAlgorithmParameterException e) {
            // The JDK refuses to encrypt twice in a row under one key and nonce on one
            // cipher object; a caller that means it (a test vector) gets a fresh object.
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, spec, parameters);
        }
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
