package io.caspian.sim.acquirer;

import io.caspian.iso8583.IsoMessage;

/** Where an acquirer's messages go: a link, or a test's list. */
@FunctionalInterface
public interface MessageSender {

    /** Queues the message; false when it could not be sent (link down, queue full). */
    boolean send(IsoMessage message);
}
