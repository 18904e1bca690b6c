package io.caspian.store.pan;

import javax.crypto.SecretKey;

/**
 * The narrow key material {@link SoftwarePanProtector} needs. The switch's implementation
 * takes it from the key store; tests give fixed keys. Keys are versioned by id so the data
 * key can rotate while old rows stay readable.
 */
public interface PanKeys {

    /** The id of the data key new PANs are encrypted under. */
    String currentDataKeyId();

    /**
     * An AES data key (128 or 256 bits) by id.
     *
     * @throws PanProtectionException if no such key exists
     */
    SecretKey dataKey(String keyId);

    /**
     * The HMAC-SHA-256 look-up key. It does not rotate with the data key: rotating it would
     * orphan every stored hash, so it changes only with a re-hash of the table.
     */
    SecretKey lookupKey();
}
