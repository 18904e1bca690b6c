package io.caspian.hsm.keys;

import io.caspian.hsm.KeyInfo;
import java.nio.charset.StandardCharsets;

/**
 * One key version as stored: its attributes and its value sealed under the LMK.
 *
 * @param info the attributes
 * @param sealed the value, AES-GCM under the LMK with {@link #context()} as associated data
 */
record StoredKey(KeyInfo info, byte[] sealed) {
    static final String PURPOSE = "caspian-stored-key";

    /**
     * The immutable attributes, bound to the sealed value: swapping a value between records
     * or editing a key's usage, mode or algorithm in the file makes the value fail to open.
     */
    byte[] context() {
        return context(info);
    }

    static byte[] context(KeyInfo info) {
        String text = String.join("|", info.id(), Integer.toString(info.version()),
                info.usage().name(), info.algorithm().name(), info.modeOfUse().name(),
                info.exportability().name(), info.checkValue(), info.createdAt().toString());
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    StoredKey withInfo(KeyInfo newInfo) {
        return new StoredKey(newInfo, sealed);
    }

    @Override
    public String toString() {
        return "StoredKey[" + info.id() + "@v" + info.version() + "]";
    }
}
