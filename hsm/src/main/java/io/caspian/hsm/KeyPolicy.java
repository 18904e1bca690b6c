package io.caspian.hsm;

/**
 * Key-type discipline: a key does only what its type, usage and mode of use allow
 * (ANSI X9.143 header semantics, enforced on every use, not only on import).
 */
final class KeyPolicy {
    private KeyPolicy() {
    }

    static void requireType(KeyInfo key, KeyType type, String operation) {
        if (key.type() != type) {
            throw new Refusal(HsmError.KEY_TYPE_NOT_PERMITTED, "key " + key.ref() + " is a "
                    + key.type() + " (" + key.usage() + "); " + operation + " needs a " + type);
        }
    }

    static void requireEncrypt(KeyInfo key, String operation) {
        if (!key.modeOfUse().allowsEncrypt()) {
            throw mode(key, operation, "encrypt");
        }
    }

    static void requireDecrypt(KeyInfo key, String operation) {
        if (!key.modeOfUse().allowsDecrypt()) {
            throw mode(key, operation, "decrypt");
        }
    }

    static void requireGenerate(KeyInfo key, MacAlgorithm algorithm) {
        requireMacAlgorithm(key, algorithm);
        if (!key.modeOfUse().allowsGenerate()) {
            throw mode(key, "MAC generation", "generate");
        }
    }

    static void requireVerify(KeyInfo key, MacAlgorithm algorithm) {
        requireMacAlgorithm(key, algorithm);
        if (!key.modeOfUse().allowsVerify()) {
            throw mode(key, "MAC verification", "verify");
        }
    }

    /**
     * Data-at-rest encryption: a DATA key (D0) of AES-256, because the command is
     * AES-256-GCM; mode B or E to encrypt, B or D to decrypt.
     */
    static void requireDataKey(KeyInfo key, boolean encrypt) {
        String operation = encrypt ? "data encryption" : "data decryption";
        requireType(key, KeyType.DATA, operation);
        requireAlgorithm(key, KeyAlgorithm.AES_256, operation);
        if (encrypt) {
            requireEncrypt(key, operation);
        } else {
            requireDecrypt(key, operation);
        }
    }

    /**
     * Keyed look-up hash: a HASH key (M7) of 32 bytes, the HMAC-SHA-256 output length, which
     * NIST SP 800-107 section 5.3.4 asks of a key for full strength; mode C or G.
     */
    static void requireHashKey(KeyInfo key) {
        requireType(key, KeyType.HASH, "a keyed hash");
        requireAlgorithm(key, KeyAlgorithm.AES_256, "a keyed hash (32-byte key)");
        if (!key.modeOfUse().allowsGenerate()) {
            throw mode(key, "a keyed hash", "generate");
        }
    }

    private static void requireAlgorithm(KeyInfo key, KeyAlgorithm algorithm, String operation) {
        if (key.algorithm() != algorithm) {
            throw new Refusal(HsmError.KEY_ALGORITHM_NOT_PERMITTED, "key " + key.ref() + " is "
                    + key.algorithm() + "; " + operation + " needs " + algorithm);
        }
    }

    private static void requireMacAlgorithm(KeyInfo key, MacAlgorithm algorithm) {
        requireType(key, KeyType.ZAK, "a MAC");
        if (!key.usage().macAlgorithms().contains(algorithm)) {
            throw new Refusal(HsmError.MAC_ALGORITHM_NOT_PERMITTED, "key " + key.ref()
                    + " has usage " + key.usage() + ", which does not permit " + algorithm);
        }
    }

    private static Refusal mode(KeyInfo key, String operation, String verb) {
        return new Refusal(HsmError.MODE_OF_USE_NOT_PERMITTED, "key " + key.ref()
                + " has mode of use " + key.modeOfUse() + ", which does not permit " + verb
                + " (" + operation + ")");
    }
}
