package io.caspian.store.pan;

import java.util.Arrays;
import java.util.Objects;

/**
 * A PAN as stored: never the clear digits.
 *
 * <pre>
 * ciphertext = IV (12 bytes) || AES-GCM(dataKey[keyId], IV, aad = keyId, PAN digits) || tag (16)
 * </pre>
 *
 * @param ciphertext the layout above
 * @param keyId the data key version that encrypted it, so keys can rotate without re-encrypting
 * @param hash keyed hash for look-ups
 * @param first6 first six digits (the IIN), shown to operators
 * @param last4 last four digits, shown to operators
 */
public record ProtectedPan(byte[] ciphertext, String keyId, PanHash hash, String first6,
        String last4) {
    public ProtectedPan {
        ciphertext = ciphertext.clone();
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hash, "hash");
        if (!digits(first6, 6)) {
            throw new IllegalArgumentException("first6 must be six digits");
        }
        if (!digits(last4, 4)) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The display form, e.g. {@code 220220******1234}; the hidden length is not revealed. */
    public String masked() {
        return first6 + "******" + last4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtectedPan that && Arrays.equals(ciphertext, that.ciphertext)
                && keyId.equals(that.keyId) && hash.equals(that.hash)
                && first6.equals(that.first6) && last4.equals(that.last4);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ciphertext), keyId, hash);
    }

    @Override
    public String toString() {
        return "ProtectedPan[" + masked() + " key=" + keyId + "]";
    }

    /** Exactly {@code length} ASCII digits; a loop, not a regex: built on every request. */
    private static boolean digits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
