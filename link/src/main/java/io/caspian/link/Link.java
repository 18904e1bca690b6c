package io.caspian.link;

import io.caspian.iso8583.IsoMessage;

/**
 * One scheme link: its connections, state machine and counters. Thread-safe.
 * Implemented by {@code NettyLink}; tests and the simulator can fake it.
 */
public interface Link {

    LinkConfig config();

    LinkState state();

    /** Starts listening or connecting; returns at once. */
    void start();

    /** Signs off (when signed on), closes connections and stops; waits for the close. */
    void stop();

    /**
     * Queues a message for sending on one of the link's connections (round robin over the
     * signed-on ones). Never blocks.
     *
     * @return {@link SendResult#SENT} when queued, or why not
     */
    SendResult send(IsoMessage message);

    /** Operator actions: send a sign-on, a sign-off or an echo test now. */
    SendResult signOn();

    SendResult signOff();

    SendResult echo();

    LinkCounters counters();

    /** Why a message could not be sent. */
    enum SendResult {
        SENT,
        NOT_SIGNED_ON,
        QUEUE_FULL,
        ENCODE_FAILED
    }
}
