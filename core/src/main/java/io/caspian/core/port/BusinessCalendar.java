package io.caspian.core.port;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which business date a transaction belongs to: asked once per transaction, when it is
 * recorded, with the acquiring scheme and the time it was received. The clearing module's
 * business dates implement it (cut-over by schedule, command or network message); without
 * one the switch uses the calendar date in the scheme's time zone.
 */
@FunctionalInterface
public interface BusinessCalendar {
    LocalDate businessDate(String scheme, Instant at);

    /**
     * The scheme announced its cut-over (network management, DE 70 = 201): its next
     * business date starts now. Called on the engine thread, so it must not block; returns
     * whether the cut-over was taken (the scheme is answered accordingly).
     */
    default boolean cutOver(String scheme, Instant at) {
        return false;
    }
}
