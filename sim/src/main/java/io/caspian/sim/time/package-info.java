/**
 * Time for the simulators, injected: a {@link io.caspian.sim.time.Scheduler} for delays and
 * timeouts (a real one on a thread, a manual one for tests that step virtual time) and a
 * {@link io.caspian.sim.time.LatencyHistogram} to measure what took how long.
 */
package io.caspian.sim.time;
