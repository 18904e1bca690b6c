package io.caspian.hsm;

import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.KeyCheckValues;
import io.caspian.hsm.crypto.Secrets;

/** Key components as a custodian would type them: value and its own check value. */
final class Components {
    private Components() {
    }

    static KeyComponent of(KeyAlgorithm algorithm, String hex) {
        byte[] value = Hex.decode(hex);
        boolean fits = value.length == algorithm.keyLengthBytes();
        return new KeyComponent(value, fits ? kcv(algorithm, value) : "000000");
    }

    static String kcv(KeyAlgorithm algorithm, byte[] value) {
        return Hex.encode(KeyCheckValues.compute(algorithm.blockAlgorithm(), value));
    }

    /** The second of two components that XOR to {@code key}, given the first. */
    static String complement(String key, String first) {
        return Hex.encode(Secrets.xor(Hex.decode(key), Hex.decode(first)));
    }
}
