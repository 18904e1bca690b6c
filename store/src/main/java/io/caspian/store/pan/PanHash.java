package io.caspian.store.pan;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A keyed hash of a PAN (HMAC-SHA-256 under the look-up key): equal PANs give equal hashes,
 * so a card's transactions and counters can be found without decrypting anything, and
 * without the key the hash cannot be brute-forced over the small PAN space.
 */
public final class PanHash {
    /** HMAC-SHA-256 output length. */
    public static final int LENGTH_BYTES = 32;

    private final byte[] bytes;

    private PanHash(byte[] bytes) {
        if (bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("PAN hash must be " + LENGTH_BYTES + " bytes");
        }
        this.bytes = bytes;
    }

    public static PanHash of(byte[] bytes) {
        return new PanHash(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PanHash that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The first four bytes only: enough to tell hashes apart in a log line. */
    @Override
    public String toString() {
        return "PanHash[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
    }
}
