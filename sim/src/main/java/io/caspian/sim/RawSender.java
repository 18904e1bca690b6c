package io.caspian.sim;

import io.caspian.link.Link;

/**
 * Writes raw bytes as one frame on a link, for the garbage fault. {@link Link} has no such
 * operation; a wiring whose link offers one passes it here. Without it the garbage fault
 * sends an unsolicited response instead (see {@link SchemeSimulator}).
 */
@FunctionalInterface
public interface RawSender {

    /** @return whether the bytes were queued */
    boolean send(Link link, byte[] body);
}
