package io.caspian.core.flow;

import io.caspian.store.pan.PanKeys;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Fixed PAN keys for tests only. */
final class TestPanKeys implements PanKeys {
    private final SecretKey data = new SecretKeySpec(new byte[32], "AES");
    private final SecretKey lookup = new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9,
        10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        32}, "HmacSHA256");

    @Override
    public String currentDataKeyId() {
        return "test-data";
    }

    @Override
    public SecretKey dataKey(String keyId) {
        return data;
    }

    @Override
    public SecretKey lookupKey() {
        return lookup;
    }
}
