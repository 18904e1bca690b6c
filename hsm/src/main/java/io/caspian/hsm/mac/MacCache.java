package io.caspian.hsm.mac;

import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.hsm.keys.ClearKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Keyed MACs (key schedule computed once) by algorithm, key id and version, inside the HSM
 * boundary: a MAC command on a link's key no longer unseals the key and rebuilds the DES or
 * AES key schedule for every message. The caller checks that the key version is usable
 * before every use; {@link #forget} drops an id's MACs on a key change or retirement and
 * overwrites their key schedules. Never exposed outside the HSM, never logged.
 */
public final class MacCache {
    private final Map<Name, Keyed> macs = new ConcurrentHashMap<>();

    /** What a cached MAC is keyed by (a record: no string built per command). */
    private record Name(MacAlgorithm algorithm, String id, int version) {
    }

    /** A keyed MAC and the length of its key, to overwrite the schedule when dropped. */
    private record Keyed(Mac mac, int keyBytes) {
    }

    /** The MAC of the data under {@code info}'s key; {@code key} unseals it on a miss. */
    public byte[] generate(MacAlgorithm algorithm, KeyInfo info, Supplier<ClearKey> key,
            byte[] data, int offset, int length, int macLengthBytes) {
        Name name = new Name(algorithm, info.id(), info.version());
        Keyed keyed = macs.get(name);
        if (keyed == null) {
            try (ClearKey clear = key.get()) {
                keyed = new Keyed(MacEngine.initialised(algorithm, info.algorithm(),
                        clear.value()), clear.value().length);
            }
            Keyed raced = macs.putIfAbsent(name, keyed);
            if (raced != null) {
                keyed = raced;
            }
        }
        return MacEngine.compute(keyed.mac(), algorithm, data, offset, length,
                macLengthBytes);
    }

    /** Drops every cached MAC of key {@code id}, its key schedule overwritten. */
    public void forget(String id) {
        macs.entrySet().removeIf(e -> {
            if (!e.getKey().id().equals(id)) {
                return false;
            }
            Keyed keyed = e.getValue();
            synchronized (keyed.mac()) {
                // Re-keying under zeros overwrites the working key (there is no API to
                // clear it).
                keyed.mac().init(new KeyParameter(new byte[keyed.keyBytes()]));
            }
            return true;
        });
    }
}
