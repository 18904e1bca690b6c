/**
 * Links to the schemes: TCP listeners and connectors (Netty), framing, decode and encode in
 * the link's dialect, the link state machine driven by network management (sign-on,
 * sign-off, echo), reconnect with back-off. First and last stop of every message: bytes in,
 * a decoded message handed to a {@link io.caspian.link.LinkHandler}; a message out, bytes on
 * the wire. Knows nothing of flows.
 */
package io.caspian.link;
