package io.caspian.hsm;

import java.util.Objects;

/**
 * A key formed from clear components.
 *
 * @param key the stored key version; its check value is that of the combined key
 * @param oddParityForced true for TDES keys: the XOR of components need not have odd
 *     parity (two odd-parity components XOR to even parity), so the HSM forces it, as
 *     DES keys require (FIPS 46-3); the parity bits do not change the key's check value
 */
public record FormedKey(KeyInfo key, boolean oddParityForced) {
    public FormedKey {
        Objects.requireNonNull(key, "key");
    }
}
