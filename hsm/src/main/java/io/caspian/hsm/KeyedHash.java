package io.caspian.hsm;

import io.caspian.hsm.crypto.HmacSha256;
import io.caspian.hsm.crypto.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * A keyed look-up hash: HMAC-SHA-256 (RFC 2104) of the data under a hash key (type HASH,
 * usage M7). Equal data under the same key version give equal hashes.
 *
 * @param hash 32 bytes; copied in and out
 * @param key the hash key and the explicit version that computed it
 */
public record KeyedHash(byte[] hash, KeyRef key) {
    public KeyedHash {
        hash = hash.clone();
        Objects.requireNonNull(key, "key");
        if (hash.length != HmacSha256.LENGTH_BYTES) {
            throw new IllegalArgumentException("an HMAC-SHA-256 is 32 bytes");
        }
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public String toHex() {
        return Hex.encode(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyedHash that && key.equals(that.key)
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hash) + key.hashCode();
    }

    /** The first four bytes only: enough to tell hashes apart in a log line. */
    @Override
    public String toString() {
        return "KeyedHash[" + Hex.encode(Arrays.copyOf(hash, 4)) + "…, " + key + "]";
    }
}
