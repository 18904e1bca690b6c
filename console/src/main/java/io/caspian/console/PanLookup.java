package io.caspian.console;

import io.caspian.store.pan.PanHash;

/**
 * A full PAN to its keyed look-up hash (computed by the HSM), so that a search by card
 * never stores or compares a clear PAN.
 */
@FunctionalInterface
public interface PanLookup {
    /** @throws IllegalArgumentException when {@code pan} is not a PAN */
    PanHash hashOf(String pan);
}
