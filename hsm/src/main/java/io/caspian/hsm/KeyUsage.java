package io.caspian.hsm;

import java.util.Set;

/**
 * The key usages of ANSI X9.143 (TR-31) that Caspian supports, each bound to a
 * {@link KeyType}, the modes of use X9.143 allows for it, and for MAC keys the one MAC
 * algorithm the usage names.
 */
public enum KeyUsage {
    /** B0: base derivation key. */
    B0(KeyType.BDK, "X"),
    /** D0: symmetric data encryption. */
    D0(KeyType.DATA, "BDE"),
    /** K0: key encryption or wrapping. */
    K0(KeyType.ZMK, "BDE"),
    /** K1: TR-31 key block protection key. */
    K1(KeyType.ZMK, "BDE"),
    /** M0: ISO 16609 MAC algorithm 1 (TDES), the same computation as ISO 9797-1 alg 1. */
    M0(KeyType.ZAK, "CGV"),
    /** M1: ISO 9797-1 MAC algorithm 1. */
    M1(KeyType.ZAK, "CGV"),
    /** M3: ISO 9797-1 MAC algorithm 3 (retail MAC). */
    M3(KeyType.ZAK, "CGV"),
    /** M6: ISO 9797-1:2011 MAC algorithm 5, which is CMAC. */
    M6(KeyType.ZAK, "CGV"),
    /** M7: HMAC (X9.143); Caspian's keyed look-up hash of data at rest (HMAC-SHA-256). */
    M7(KeyType.HASH, "CGV"),
    /** P0: PIN encryption. */
    P0(KeyType.ZPK, "BDE");

    private final KeyType type;
    private final String modes;

    KeyUsage(KeyType type, String modes) {
        this.type = type;
        this.modes = modes;
    }

    public KeyType type() {
        return type;
    }

    /** Whether X9.143 allows this mode of use with this usage. */
    public boolean allows(ModeOfUse mode) {
        return modes.indexOf(mode.code()) >= 0;
    }

    /** The MAC algorithms this usage permits; empty for keys that are not MAC keys. */
    public Set<MacAlgorithm> macAlgorithms() {
        return switch (this) {
            case M0, M1 -> Set.of(MacAlgorithm.ISO9797_ALG1_PAD1, MacAlgorithm.ISO9797_ALG1_PAD2);
            case M3 -> Set.of(MacAlgorithm.ISO9797_ALG3_PAD1, MacAlgorithm.ISO9797_ALG3_PAD2);
            case M6 -> Set.of(MacAlgorithm.AES_CMAC);
            default -> Set.of();
        };
    }

    /** The usage a freshly generated key of this type gets by default. */
    public static KeyUsage defaultFor(KeyType type, KeyAlgorithm algorithm) {
        return switch (type) {
            case ZMK -> K0;
            case ZPK -> P0;
            case ZAK -> algorithm.isTdes() ? M3 : M6;
            case DATA -> D0;
            case BDK -> B0;
            case HASH -> M7;
        };
    }
}
