package io.caspian.store.pan;

import io.caspian.hsm.Pan;

/**
 * Turns a clear PAN into its stored form and back. Implementations are thread-safe.
 *
 * <p>{@link SoftwarePanProtector} does it in process from key material given through
 * {@link PanKeys} (tests, benchmarks); {@link HsmPanProtector} does the same with the keys
 * never leaving the HSM, for the switch itself.
 */
public interface PanProtector {

    /** Encrypts under the current data key and computes the look-up hash. */
    ProtectedPan protect(Pan pan);

    /**
     * Decrypts a stored PAN, under whichever data key version encrypted it.
     *
     * @throws PanProtectionException if the key is unknown or the ciphertext was altered
     */
    Pan reveal(ProtectedPan protectedPan);

    /** The look-up hash alone: to find a card's transactions from its PAN. */
    PanHash lookupHash(Pan pan);
}
