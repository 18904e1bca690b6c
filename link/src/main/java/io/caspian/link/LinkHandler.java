package io.caspian.link;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.IsoMessage;

/**
 * What a link hands over. Called on the link's I/O thread: implementations must not block
 * (hand the message to a flow's executor and return).
 */
public interface LinkHandler {

    /**
     * A decoded message that is not network management the link answers itself (0800/1804
     * sign-on, sign-off, echo are handled by the link; key change and cut-over are passed
     * here too, after the link has acknowledged nothing: the handler replies).
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
