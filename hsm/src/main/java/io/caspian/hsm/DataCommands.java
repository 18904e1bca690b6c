package io.caspian.hsm;

import io.caspian.hsm.crypto.AesGcm;
import io.caspian.hsm.crypto.HmacSha256;
import io.caspian.hsm.crypto.Secrets;
import io.caspian.hsm.keys.ClearKey;
import io.caspian.hsm.keys.KeyStore;
import java.util.Optional;
import java.util.Random;

/**
 * Data-at-rest operations: AES-256-GCM under data keys, HMAC-SHA-256 look-up hashes under
 * hash keys. What the store uses to keep PANs encrypted (DESIGN.md invariant I5).
 *
 * <p>The associated data is exactly the caller's: the HSM adds nothing, so the output is
 * plain SP 800-38D GCM and the published test vectors apply. The key version needs no
 * binding: a ciphertext relabelled with another version fails its tag under that key.
 */
final class DataCommands {
    /**
     * Longest data one command encrypts: a field such as a PAN, not a file. Far below the
     * SP 800-38D limit per invocation (2^39 - 256 bits).
     */
    static final int DATA_LENGTH_MAX_BYTES = 65_536;

    private final KeyStore store;
    private final Random random;

    /** @param random draws the GCM nonces: a SecureRandom outside tests */
    DataCommands(KeyStore store, Random random) {
        this.store = store;
        this.random = random;
    }

    EncryptedData encrypt(HsmCommand.EncryptData command) {
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(nonce);
        return encrypt(command, nonce);
    }

    /**
     * Encrypts with a given nonce: for known-answer tests only. A nonce repeated under one
     * key reveals the XOR of two plaintexts and the GHASH key (SP 800-38D section 8).
     */
    EncryptedData encrypt(HsmCommand.EncryptData command, byte[] nonce) {
        requireLength(command.data().length);
        try (ClearKey key = store.resolve(KeyRef.current(command.keyId()))) {
            KeyPolicy.requireDataKey(key.info(), true);
            byte[] sealed = AesGcm.seal(key.value(), nonce, command.associatedData(),
                    command.data());
            return new EncryptedData(sealed, key.info().ref());
        }
    }

    DecryptedData decrypt(HsmCommand.DecryptData command) {
        byte[] sealed = command.ciphertext();
        if (sealed.length < AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES) {
            throw new Refusal(HsmError.INPUT_INVALID, "ciphertext of " + sealed.length
                    + " bytes is shorter than a nonce and a tag");
        }
        requireLength(sealed.length - AesGcm.NONCE_BYTES - AesGcm.TAG_BYTES);
        for (KeyInfo candidate : store.candidates(command.key())) {
            try (ClearKey key = store.resolve(candidate.ref())) {
                KeyPolicy.requireDataKey(key.info(), false);
                Optional<byte[]> clear = AesGcm.open(key.value(), sealed,
                        command.associatedData());
                if (clear.isPresent()) {
                    try {
                        return new DecryptedData(clear.get(), key.info().version());
                    } finally {
                        Secrets.zero(clear.get());
                    }
                }
            }
        }
        throw new Refusal(HsmError.DATA_AUTHENTICATION_FAILED, "the GCM tag does not verify"
                + " under " + command.key() + ": wrong key version or associated data, or"
                + " the ciphertext was altered");
    }

    KeyedHash hash(HsmCommand.HashData command) {
        requireLength(command.data().length);
        try (ClearKey key = store.resolve(command.key())) {
            KeyPolicy.requireHashKey(key.info());
            return new KeyedHash(HmacSha256.compute(key.value(), command.data()),
                    key.info().ref());
        }
    }

    private static void requireLength(int lengthBytes) {
        if (lengthBytes > DATA_LENGTH_MAX_BYTES) {
            throw new Refusal(HsmError.INPUT_INVALID, "data of " + lengthBytes
                    + " bytes is longer than " + DATA_LENGTH_MAX_BYTES);
        }
    }
}
