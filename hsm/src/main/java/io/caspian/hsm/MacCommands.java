package io.caspian.hsm;

import io.caspian.hsm.keys.ClearKey;
import io.caspian.hsm.keys.KeyStore;
import io.caspian.hsm.mac.MacEngine;

/** MAC generation and verification under ZAKs. */
final class MacCommands {
    private final KeyStore store;

    MacCommands(KeyStore store) {
        this.store = store;
    }

    GeneratedMac generate(HsmCommand.GenerateMac command) {
        try (ClearKey key = store.resolve(command.key())) {
            KeyPolicy.requireGenerate(key.info(), command.algorithm());
            byte[] mac = MacEngine.generate(command.algorithm(), key.info().algorithm(),
                    key.value(), command.data(), command.offset(), command.length(),
                    command.macLengthBytes());
            return new GeneratedMac(mac, key.info().version());
        }
    }

    /**
     * Verifies under the named version, or, when the current version is named, under each
     * usable version newest first: a message MACed just before a key change still verifies.
     */
    Verification verify(HsmCommand.VerifyMac command) {
        byte[] expected = command.mac();
        for (KeyInfo candidate : store.candidates(command.key())) {
            try (ClearKey key = store.resolve(candidate.ref())) {
                KeyPolicy.requireVerify(key.info(), command.algorithm());
                if (MacEngine.verify(command.algorithm(), key.info().algorithm(), key.value(),
                        command.data(), command.offset(), command.length(), expected)) {
                    return new Verification(true, key.info().version());
                }
            }
        }
        return new Verification(false, 0);
    }
}
