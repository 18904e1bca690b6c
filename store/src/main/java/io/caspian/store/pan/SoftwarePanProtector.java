package io.caspian.store.pan;

import io.caspian.hsm.Pan;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM encryption and HMAC-SHA-256 look-up hashing of PANs in process, with keys from
 * {@link PanKeys}. The key id is authenticated as GCM additional data, so a ciphertext cannot
 * be relabelled with another key's id without the tag failing.
 */
public final class SoftwarePanProtector implements PanProtector {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PanKeys keys;
    private final SecureRandom random;

    /**
     * @param random source of GCM nonces; must be a cryptographic generator, because a
     *     repeated nonce under one key breaks GCM
     */
    public SoftwarePanProtector(PanKeys keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public ProtectedPan protect(Pan pan) {
        String digits = pan.digits();
        if (digits.length() < 12) {
            // Below 12 digits first six and last four would overlap and reveal the whole PAN.
            throw new IllegalArgumentException("PAN too short to store: " + pan);
        }
        String keyId = keys.currentDataKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] clear = digits.getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.dataKey(keyId),
                    new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return new ProtectedPan(out, keyId, lookupHash(pan), digits.substring(0, 6),
                    digits.substring(digits.length() - 4));
        } catch (GeneralSecurityException e) {
            throw new PanProtectionException("cannot encrypt under data key " + keyId, e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    @Override
    public Pan reveal(ProtectedPan protectedPan) {
        byte[] stored = protectedPan.ciphertext();
        String keyId = protectedPan.keyId();
        byte[] clear = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.dataKey(keyId),
                    new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            clear = cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
            return Pan.of(new String(clear, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PanProtectionException("cannot reveal " + protectedPan, e);
        } finally {
            if (clear != null) {
                Arrays.fill(clear, (byte) 0);
            }
        }
    }

    @Override
    public PanHash lookupHash(Pan pan) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.lookupKey());
            return PanHash.of(mac.doFinal(pan.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new PanProtectionException("cannot hash under the look-up key", e);
        }
    }
}
