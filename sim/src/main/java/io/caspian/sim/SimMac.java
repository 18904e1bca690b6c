package io.caspian.sim;

import io.caspian.hsm.MacAlgorithm;
import java.util.Objects;

/**
 * The MAC a scheme's link carries, as the scheme's host sees it: its zone MAC key (in the
 * schemes' HSM) and the algorithm. The same key is exchanged with Caspian in the ceremony.
 */
public record SimMac(String keyId, MacAlgorithm algorithm) {
    public SimMac {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
