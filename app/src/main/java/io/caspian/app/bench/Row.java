package io.caspian.app.bench;

/**
 * One line of the result table.
 *
 * @param target {@code switch} (through Caspian) or {@code floor} (issuer simulator alone)
 * @param mode {@code closed 64} or {@code open 1000/s}
 * @param direction acquirer&gt;issuer; for the floor, the issuer of that direction
 * @param run what was measured
 */
record Row(String target, String mode, String direction, LoadDriver.Run run) {
}
