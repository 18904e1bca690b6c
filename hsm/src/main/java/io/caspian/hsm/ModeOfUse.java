package io.caspian.hsm;

/** ANSI X9.143 mode of use: which operations a key may perform. */
public enum ModeOfUse {
    /** B: encrypt/wrap and decrypt/unwrap. */
    B('B'),
    /** C: generate and verify (MAC keys). */
    C('C'),
    /** D: decrypt/unwrap only. */
    D('D'),
    /** E: encrypt/wrap only. */
    E('E'),
    /** G: generate only. */
    G('G'),
    /** N: no special restrictions (not accepted by Caspian on import). */
    N('N'),
    /** V: verify only. */
    V('V'),
    /** X: key used to derive other keys. */
    X('X');

    private final char code;

    ModeOfUse(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public boolean allowsEncrypt() {
        return this == B || this == E;
    }

    public boolean allowsDecrypt() {
        return this == B || this == D;
    }

    public boolean allowsGenerate() {
        return this == C || this == G;
    }

    public boolean allowsVerify() {
        return this == C || this == V;
    }

    /** The default for a freshly generated key of this usage. */
    public static ModeOfUse defaultFor(KeyUsage usage) {
        return switch (usage.type()) {
            case ZAK, HASH -> C;
            case BDK -> X;
            default -> B;
        };
    }

    public static ModeOfUse ofCode(char code) {
        for (ModeOfUse mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        return null;
    }
}
