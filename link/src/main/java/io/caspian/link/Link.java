package io.caspian.link;

import io.caspian.iso8583.IsoMessage;

/**
 * One scheme link: its connections, state machine and counters. Thread-safe.
 * Implemented by {@link NettyLink}; tests and the simulator can fake it.
 */
public interface Link {

    LinkConfig config();

    /** The link's state: the highest state of any of its connections (see {@link LinkState}). */
    LinkState state();

    /** Starts listening or connecting; returns at once. */
    void start();

    /** Signs off (when signed on), closes connections and stops; waits for the close. */
    void stop();

    /**
     * Queues a message for sending on one of the link's connections (round robin over the
     * signed-on ones; network management may also go on a connection that is only
     * connected). Never blocks and never waits for an answer: the caller matches responses.
     *
     * @return {@link SendResult#SENT} when queued, or why not
     */
    SendResult send(IsoMessage message);

    /** Operator actions: send a sign-on, a sign-off or an echo test now, on every connection. */
    SendResult signOn();

    SendResult signOff();

    SendResult echo();

    LinkCounters counters();

    /** Why a message could not be sent. */
    enum SendResult {
        SENT,
        /** No connection is up at all. */
        NOT_CONNECTED,
        NOT_SIGNED_ON,
        /** Every eligible connection has outboundQueueMax writes pending or is not writable. */
        QUEUE_FULL,
        /** The message has no MTI or its frame would exceed frameLengthMax. */
        ENCODE_FAILED
    }
}
