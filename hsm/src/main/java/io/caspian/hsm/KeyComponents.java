package io.caspian.hsm;

import java.util.List;
import java.util.Objects;

/**
 * A key split into clear components for a key ceremony: XORed together they give the key.
 * The caller zeroes each component's value once it has been handed to its custodian.
 *
 * @param key the key that was split (attributes and check value only)
 * @param components two or three components, each with its own check value
 */
public record KeyComponents(KeyInfo key, List<KeyComponent> components) {
    public KeyComponents {
        Objects.requireNonNull(key, "key");
        components = List.copyOf(components);
    }

    @Override
    public String toString() {
        return "KeyComponents[" + key.ref() + ", " + components + "]";
    }
}
