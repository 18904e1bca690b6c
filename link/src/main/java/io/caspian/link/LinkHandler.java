package io.caspian.link;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.IsoMessage;

/**
 * What a link hands over. Called on the link's I/O thread: implementations must not block
 * (hand the message to a flow's executor and return).
 */
public interface LinkHandler {

    /**
     * A decoded message the link does not answer itself. The link answers 0800 (2804 in
     * ISO 8583:2003 dialects) sign-on, sign-off and echo, and consumes the responses to its
     * own; everything else arrives here, including key change and cut-over requests (the
     * handler replies) and the responses to the handler's own network management requests.
     * Messages arrive whatever the connection's state: the link is strict on what it sends.
     */
    void onMessage(Link link, IsoMessage message);

    /**
     * A message that did not decode. The link has already replied with the dialect's
     * format-error response where the MTI could be read, and logged field, offset and reason.
     */
    default void onFormatError(Link link, CodecFailure failure) {
    }

    /** The link's state changed. */
    default void onStateChange(Link link, LinkState from, LinkState to) {
    }
}
