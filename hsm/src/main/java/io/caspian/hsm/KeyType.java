package io.caspian.hsm;

/** What a key is for, in the vocabulary of interchange key management. */
public enum KeyType {
    /** Zone master key: protects other keys exchanged with one scheme (a KEK/KBPK). */
    ZMK,
    /** Zone PIN key: encrypts PIN blocks between Caspian and one scheme. */
    ZPK,
    /** Zone authentication key: generates and verifies message MACs with one scheme. */
    ZAK,
    /** Data key: encrypts data at rest (for example PANs in the store). */
    DATA,
    /** Base derivation key for DUKPT terminals. */
    BDK,
    /**
     * Keyed-hash key: HMAC-SHA-256 look-up hashes of data at rest (a PAN's hash finds its
     * rows without decrypting anything). Usage M7 (X9.143 HMAC key), never a message MAC key.
     */
    HASH;

    /**
     * Whether superseded versions stay usable until retired instead of for a grace period.
     * A key protecting data at rest must open (or find) what it protected long after a
     * rotation; a zone key is needed past a key change only for the messages in flight.
     */
    public boolean protectsDataAtRest() {
        return this == DATA || this == HASH;
    }
}
