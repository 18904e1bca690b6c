package io.caspian.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One message as it crossed a link, masked: what the console's trace shows.
 *
 * @param id assigned by the caller
 * @param at when the switch received or sent it
 * @param link the scheme whose link carried it, e.g. {@code mir}
 * @param direction {@code IN} (received by the switch) or {@code OUT} (sent by it)
 * @param mti message type, e.g. {@code 0200}
 * @param stan DE 11, or null
 * @param rrn DE 37, or null
 * @param responseCode DE 39, or null
 * @param maskedDump every field, masked by its sensitivity (iso8583 {@code MaskedDump})
 */
public record MessageRecord(UUID id, Instant at, String link, Direction direction, String mti,
        String stan, String rrn, String responseCode, String maskedDump) {
    /** Longest dump kept; longer ones are cut, the mark says so. */
    public static final int DUMP_LENGTH_MAX = 4000;

    /** Which way the message crossed the switch's edge. */
    public enum Direction {
        IN,
        OUT
    }

    public MessageRecord {
        Invariants.present(id, "id");
        at = Invariants.present(at, "at").truncatedTo(ChronoUnit.MICROS);
        Invariants.requiredText(link, "link", 16);
        Invariants.present(direction, "direction");
        Invariants.requiredText(mti, "mti", 4);
        stan = cut(stan, 12);
        rrn = cut(rrn, 12);
        responseCode = cut(responseCode, 4);
        Invariants.present(maskedDump, "masked dump");
        if (maskedDump.length() > DUMP_LENGTH_MAX) {
            maskedDump = maskedDump.substring(0, DUMP_LENGTH_MAX - 3) + "...";
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
