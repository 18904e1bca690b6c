/**
 * {@code caspian bench}: end-to-end load through the switch and, for comparison, straight
 * into a scheme simulator's issuer (the floor). Sits outside the message flow: it drives the
 * simulators' acquirers, which talk to the switch over its real links, so a figure here
 * includes framing, codec, engine, HSM, store and the loopback TCP hops.
 */
package io.caspian.app.bench;
