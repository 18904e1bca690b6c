/**
 * Scheme simulators: one {@link io.caspian.sim.SchemeSimulator} per scheme plays that
 * scheme's network towards Caspian over one link. It is the issuer for its own cards
 * (requests Caspian forwards in) and the acquirer for foreign cards used at its terminals
 * (requests it sends to Caspian). Sits outside the switch, at both ends of every message
 * flow: where a transaction starts and where it is decided.
 */
package io.caspian.sim;
