package io.caspian.hsm.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 (RFC 2104, FIPS 198-1, SHA-256 of FIPS 180-4): 32 bytes out. */
public final class HmacSha256 {
    public static final int LENGTH_BYTES = 32;

    private HmacSha256() {
    }

    public static byte[] compute(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
