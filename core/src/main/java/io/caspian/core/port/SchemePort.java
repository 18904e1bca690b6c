package io.caspian.core.port;

import io.caspian.iso8583.IsoMessage;

/** The switch's side of a scheme link. Implementations never block. */
public interface SchemePort {

    /** Queues a message; false when the link is not signed on or its queue is full. */
    boolean send(IsoMessage message);

    /** Whether the link is signed on and can carry requests. */
    boolean isUp();
}
