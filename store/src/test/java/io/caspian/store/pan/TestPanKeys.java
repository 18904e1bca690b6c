package io.caspian.store.pan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Fixed test keys derived from names; data keys can be added to rotate. */
public final class TestPanKeys implements PanKeys {
    private final Map<String, SecretKey> dataKeys = new HashMap<>();
    private final SecretKey lookupKey = derive("lookup", "HmacSHA256");
    private String current;

    public TestPanKeys() {
        rotateTo("data-1");
    }

    /** A protector over fresh test keys. */
    public static SoftwarePanProtector protector() {
        return new SoftwarePanProtector(new TestPanKeys(), new SecureRandom());
    }

    public synchronized void rotateTo(String keyId) {
        dataKeys.put(keyId, derive(keyId, "AES"));
        current = keyId;
    }

    public synchronized void forget(String keyId) {
        dataKeys.remove(keyId);
    }

    @Override
    public synchronized String currentDataKeyId() {
        return current;
    }

    @Override
    public synchronized SecretKey dataKey(String keyId) {
        SecretKey key = dataKeys.get(keyId);
        if (key == null) {
            throw new PanProtectionException("no data key " + keyId, null);
        }
        return key;
    }

    @Override
    public SecretKey lookupKey() {
        return lookupKey;
    }

    private static SecretKey derive(String name, String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("caspian-test-" + name).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
