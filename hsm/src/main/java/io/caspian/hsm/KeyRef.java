package io.caspian.hsm;

/**
 * Names a key in the store: its id and, optionally, one version.
 *
 * <p>Version {@value #CURRENT} means "the current version": the newest active one. Naming a
 * version explicitly reaches a previous version while it is still usable, which is how a
 * message already in flight during a key change is still processed.
 *
 * @param id key id: 1 to 64 of {@code A-Z a-z 0-9 . _ -}
 * @param version a version number from 1, or {@value #CURRENT}
 */
public record KeyRef(String id, int version) {
    public static final int CURRENT = 0;
    private static final int ID_LENGTH_MAX = 64;

    public KeyRef {
        if (!validId(id)) {
            throw new IllegalArgumentException(
                    "key id must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        if (version < 0) {
            throw new IllegalArgumentException("key version must be 0 (current) or positive");
        }
    }

    /** A loop, not a pattern: a reference is built for every MAC and PIN command. */
    private static boolean validId(String id) {
        if (id == null || id.isEmpty() || id.length() > ID_LENGTH_MAX) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static KeyRef current(String id) {
        return new KeyRef(id, CURRENT);
    }

    public static KeyRef of(String id, int version) {
        return new KeyRef(id, version);
    }

    /**
     * Parses the text form {@link #toString()} writes: {@code ID} (current version) or
     * {@code ID@vN}; {@code ID@N} is accepted too.
     *
     * @throws IllegalArgumentException if the text is neither
     */
    public static KeyRef parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return current(text);
        }
        String version = text.substring(at + 1);
        version = version.startsWith("v") ? version.substring(1) : version;
        if (version.isEmpty() || !version.chars().allMatch(c -> c >= '0' && c <= '9')
                || version.length() > 9) {
            throw new IllegalArgumentException("key version must be a number: ID@vN");
        }
        return of(text.substring(0, at), Integer.parseInt(version));
    }

    public boolean isCurrent() {
        return version == CURRENT;
    }

    @Override
    public String toString() {
        return isCurrent() ? id : id + "@v" + version;
    }
}
