/**
 * Faults an issuer host can show, set at runtime: latency, answers lost, late answers,
 * garbage, disconnects, a host that is down. Drawn per message from a seeded source, so a
 * failing run replays. Sits between the link and the issuer host.
 */
package io.caspian.sim.fault;
