package io.caspian.app.bench;

import java.util.List;
import java.util.Locale;

/** Which scheme's terminals send, and whose cards they carry (the issuer's). */
enum Direction {
    MIR_TO_SHETAB("mir", "shetab"),
    SHETAB_TO_MIR("shetab", "mir");

    final String acquirer;
    final String issuer;

    Direction(String acquirer, String issuer) {
        this.acquirer = acquirer;
        this.issuer = issuer;
    }

    /** {@code mir>shetab}: the form the table prints. */
    String label() {
        return acquirer + ">" + issuer;
    }

    /**
     * Parses {@code mir>shetab}, {@code shetab>mir} or {@code both}; {@code -} is accepted
     * for {@code >} because a bare {@code >} on a shell command line is a redirection.
     */
    static List<Direction> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '>');
        for (Direction d : values()) {
            if (d.label().equals(t)) {
                return List.of(d);
            }
        }
        if (t.equals("both")) {
            return List.of(values());
        }
        return null;
    }
}
