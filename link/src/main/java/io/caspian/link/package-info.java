/**
 * Links to the schemes: TCP listeners and connectors (Netty), framing, decode and encode in
 * the link's dialect, the link state machine driven by network management (sign-on,
 * sign-off, echo), reconnect with back-off, optional TLS 1.3 with mutual authentication.
 * First and last stop of every message: bytes in, a decoded message handed to a
 * {@link io.caspian.link.LinkHandler} on the I/O thread; a message out through
 * {@link io.caspian.link.Link#send}, which never blocks and refuses when the connection's
 * bounded queue is full. Knows nothing of flows: requests and responses are matched by the
 * caller, and the link never waits for an answer.
 *
 * <p>Entry points: {@link io.caspian.link.LinkRuntime} (the shared I/O threads),
 * {@link io.caspian.link.NettyLink} (one link), {@link io.caspian.link.LinkConfig}.
 */
package io.caspian.link;
