package io.caspian.hsm.keys;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.Refusal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets under the LMK with AES-256-GCM (NIST SP 800-38D).
 *
 * <pre>
 * sealed = nonce (12 bytes, random) || ciphertext || tag (16 bytes)
 * AAD    = purpose (ASCII) || 0x00 || context
 * </pre>
 *
 * The purpose separates kinds of secret (a stored key, a reference PIN); the context binds
 * the secret to what it belongs to (the key's id and attributes, the PIN's PAN), so a sealed
 * value moved to another record no longer opens.
 */
public final class LmkCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private LmkCipher() {
    }

    public static byte[] seal(
            Lmk lmk, String purpose, byte[] context, byte[] plaintext, Random random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, lmk, nonce, purpose, context);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws Refusal if the value was not sealed under this LMK with this purpose and context
     */
    public static byte[] open(Lmk lmk, String purpose, byte[] context, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Refusal(HsmError.INPUT_INVALID, purpose + " is too short to be sealed");
        }
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, lmk, nonce, purpose, context);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new Refusal(HsmError.INPUT_INVALID,
                    purpose + " does not open under this LMK (wrong LMK, or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, Lmk lmk, byte[] nonce, String purpose,
            byte[] context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(lmk.wrapKey(), "AES"),
                new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.US_ASCII));
        cipher.updateAAD(new byte[] {0});
        cipher.updateAAD(context);
        return cipher;
    }
}
