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
    BDK
}
