/**
 * How each scheme's model writes what the simulators say: MTI version, amounts and
 * currencies, trace numbers and times, response or action codes, DE 48 tags, DE 90. One
 * {@link io.caspian.sim.wire.WireModel} per ISO version, chosen from the dialect; the
 * issuer and the acquirer build and read every message through it.
 */
package io.caspian.sim.wire;
