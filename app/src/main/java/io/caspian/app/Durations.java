package io.caspian.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as the commands take them: {@code 500ms}, {@code 20s}, {@code 2m}, ISO-8601. */
public final class Durations {
    private Durations() {
    }

    /** {@code 500ms}, {@code 20s}, {@code 2m} or ISO-8601 ({@code PT20S}), at least a floor. */
    public static long millis(String option, String text, long minMs) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long ms;
        try {
            if (t.endsWith("ms")) {
                ms = Long.parseLong(t.substring(0, t.length() - 2));
            } else if (t.endsWith("s")) {
                ms = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)))
                        .toMillis();
            } else if (t.endsWith("m")) {
                ms = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)))
                        .toMillis();
            } else {
                ms = Duration.parse(text.trim()).toMillis();
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new CliException(option + " '" + text + "' is not a duration like 20s or 2m");
        }
        if (ms < minMs || ms > Duration.ofHours(24).toMillis()) {
            throw new CliException(option + " must be " + minMs / 1000.0 + " s to 24 h");
        }
        return ms;
    }
}
