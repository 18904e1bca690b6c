package io.caspian.core.routing;

/**
 * Card numbers starting with {@code prefix} (1 to 11 digits) belong to {@code scheme}.
 * A range such as Mir's 2200–2204 is written as five prefixes.
 */
public record IinRange(String prefix, String scheme) {
    public IinRange {
        if (prefix == null || !prefix.matches("[0-9]{1,11}")) {
            throw new IllegalArgumentException("IIN prefix must be 1..11 digits: " + prefix);
        }
        if (scheme == null || scheme.isBlank()) {
            throw new IllegalArgumentException("IIN " + prefix + " needs a scheme");
        }
    }
}
