package io.caspian.hsm.keys;

import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.crypto.Secrets;

/**
 * A key in clear, for the length of one command inside the HSM; closing it zeroes the value.
 * {@link #toString()} names the key, never its value.
 */
public final class ClearKey implements AutoCloseable {
    private final KeyInfo info;
    private final byte[] value;

    public ClearKey(KeyInfo info, byte[] value) {
        if (value.length != info.algorithm().keyLengthBytes()) {
            throw new IllegalArgumentException("key length does not match " + info.algorithm());
        }
        this.info = info;
        this.value = value;
    }

    public KeyInfo info() {
        return info;
    }

    /** The clear value itself, not a copy: use it within the command and never keep it. */
    public byte[] value() {
        return value;
    }

    @Override
    public void close() {
        Secrets.zero(value);
    }

    @Override
    public String toString() {
        return "ClearKey[" + info.id() + "@v" + info.version() + "]";
    }
}
