package io.caspian.hsm;

import io.caspian.hsm.crypto.Hex;
import java.util.Arrays;

/**
 * A MAC and the key version that produced it.
 *
 * @param mac the MAC bytes; copied in and out
 * @param keyVersion the version of the MAC key used
 */
public record GeneratedMac(byte[] mac, int keyVersion) {
    public GeneratedMac {
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public String toHex() {
        return Hex.encode(mac);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedMac that && keyVersion == that.keyVersion
                && Arrays.equals(mac, that.mac);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mac) + keyVersion;
    }

    @Override
    public String toString() {
        return "GeneratedMac[" + Hex.encode(mac) + ", v" + keyVersion + "]";
    }
}
