/**
 * Wiring: starts the store, the HSM, the engine with its one thread, and the Netty links,
 * and adapts links to core's ports. No business logic.
 */
package io.caspian.app.wiring;
