package io.caspian.hsm.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 (RFC 2104, FIPS 198-1, SHA-256 of FIPS 180-4): 32 bytes out. */
public final class HmacSha256 {
    public static final int LENGTH_BYTES = 32;
    /** One engine per thread: looking the algorithm up costs more than the MAC itself. */
    private static final ThreadLocal<Mac> ENGINE = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    });

    private HmacSha256() {
    }

    public static byte[] compute(byte[] key, byte[] data) {
        try {
            Mac mac = ENGINE.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
