package io.caspian.sim.wire;

/**
 * Identifies an original transaction the way its reversal's DE 90 does: the trace number and
 * the date-time the model puts in DE 90 (Mir: DE 7 transmission date-time; Shetab: DE 12
 * local date-time). Institution codes are left out on purpose: a sender that writes zeros
 * there must still reach its original.
 *
 * @param stan the original's DE 11
 * @param dateTime the original's DE 7 (Mir) or DE 12 (Shetab), digits as on the wire
 */
public record OriginalKey(long stan, String dateTime) {
}
