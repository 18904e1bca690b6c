package io.caspian.app.bench;

import java.util.List;
import java.util.Locale;

/** Closed loop (a fixed number in flight) or open loop (a fixed arrival rate). */
enum Mode {
    CLOSED,
    OPEN;

    static List<Mode> parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "closed":
                return List.of(CLOSED);
            case "open":
                return List.of(OPEN);
            case "both":
                return List.of(CLOSED, OPEN);
            default:
                return null;
        }
    }
}
