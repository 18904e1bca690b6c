package io.caspian.core.flow;

import io.caspian.hsm.MacAlgorithm;

/**
 * The MAC a scheme's link carries: the HSM key id of the zone MAC key and the algorithm.
 * Messages to the scheme get a MAC in the dialect's MAC field; messages from it must carry
 * one that verifies. Network management is exchanged by the link itself and not MACed.
 */
public record MacSettings(String keyId, MacAlgorithm algorithm) {
}
