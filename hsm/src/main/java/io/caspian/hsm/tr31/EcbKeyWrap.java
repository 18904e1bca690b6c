package io.caspian.hsm.tr31;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.BlockAlgorithm;
import io.caspian.hsm.crypto.Ciphers;

/**
 * The legacy form of key exchange: a TDES key encrypted under a TDES ZMK in ECB mode, block
 * by block, with no binding of usage or integrity. Only the key check value, exchanged
 * separately, confirms the key; X9.143 key blocks replace this form and should be preferred.
 */
public final class EcbKeyWrap {
    private EcbKeyWrap() {
    }

    public static byte[] wrap(KeyAlgorithm zmkAlgorithm, byte[] zmk, KeyAlgorithm keyAlgorithm,
            byte[] key) {
        check(zmkAlgorithm, keyAlgorithm, key.length);
        return Ciphers.encryptEcb(BlockAlgorithm.TDES, zmk, key);
    }

    public static byte[] unwrap(KeyAlgorithm zmkAlgorithm, byte[] zmk, KeyAlgorithm keyAlgorithm,
            byte[] encrypted) {
        check(zmkAlgorithm, keyAlgorithm, encrypted.length);
        return Ciphers.decryptEcb(BlockAlgorithm.TDES, zmk, encrypted);
    }

    private static void check(KeyAlgorithm zmkAlgorithm, KeyAlgorithm keyAlgorithm, int length) {
        if (!zmkAlgorithm.isTdes() || !keyAlgorithm.isTdes()) {
            throw new Refusal(HsmError.KEY_ALGORITHM_NOT_PERMITTED,
                    "the ECB key form carries TDES keys under a TDES ZMK only;"
                            + " use an X9.143 key block (version D) for AES");
        }
        if (length != keyAlgorithm.keyLengthBytes()) {
            throw new Refusal(HsmError.INPUT_INVALID, "an encrypted " + keyAlgorithm
                    + " key is " + keyAlgorithm.keyLengthBytes() + " bytes, not " + length);
        }
    }
}
