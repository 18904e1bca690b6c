/**
 * The switch's logic, between decoding and encoding: the canonical transaction, mapping to
 * and from each scheme's dialect, routing by IIN, currency conversion, PIN translation
 * through the HSM, the flows with their state machines, stand-in, store-and-forward and
 * duplicate detection. No sockets and no clocks of its own: links come in through
 * {@link io.caspian.core.port.SchemePort}, time through {@link io.caspian.core.port.Scheduler}.
 */
package io.caspian.core;
