/**
 * Load over an acquirer: closed loop (N requests in flight) and open loop (a fixed arrival
 * rate, latency from the scheduled send time so queueing is not hidden), measured with the
 * simulators' own log-linear histogram. Drives the whole flow from its first stop.
 */
package io.caspian.sim.load;
