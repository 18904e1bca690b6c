package io.caspian.hsm;

import io.caspian.hsm.crypto.Secrets;
import io.caspian.hsm.keys.KeyStore;
import io.caspian.hsm.mac.MacCache;
import io.caspian.hsm.mac.MacEngine;

/** MAC generation and verification under ZAKs. */
final class MacCommands {
    private final KeyStore store;
    private final MacCache cache = new MacCache();

    MacCommands(KeyStore store) {
        this.store = store;
        store.onKeyChange(cache::forget);
    }

    GeneratedMac generate(HsmCommand.GenerateMac command) {
        KeyInfo info = store.usable(command.key());
        KeyPolicy.requireGenerate(info, command.algorithm());
        byte[] mac = cache.generate(command.algorithm(), info,
                () -> store.resolve(info.ref()), command.data(), command.offset(),
                command.length(), command.macLengthBytes());
        return new GeneratedMac(mac, info.version());
    }

    /**
     * Verifies under the named version, or, when the current version is named, under each
     * usable version newest first: a message MACed just before a key change still verifies.
     */
    Verification verify(HsmCommand.VerifyMac command) {
        byte[] expected = command.mac();
        for (KeyInfo candidate : store.candidates(command.key())) {
            KeyInfo info = store.usable(candidate.ref());
            KeyPolicy.requireVerify(info, command.algorithm());
            MacEngine.checkLength(command.algorithm(), expected.length);
            byte[] actual = cache.generate(command.algorithm(), info,
                    () -> store.resolve(info.ref()), command.data(), command.offset(),
                    command.length(), expected.length);
            if (Secrets.equal(actual, expected)) {
                return new Verification(true, info.version());
            }
        }
        return new Verification(false, 0);
    }
}
