package io.caspian.link;

/**
 * A snapshot of a link's counters since start.
 *
 * @param messagesIn decoded messages received
 * @param messagesOut messages written
 * @param formatErrors messages that did not decode
 * @param brokenFrames frames with a bad header or over the maximum (connection closed)
 * @param refusedSends sends refused (not connected, not signed on, queue full, encode failed)
 * @param connects connections established
 * @param disconnects connections lost or closed
 * @param echoTimeouts echo tests or sign-ons unanswered within the echo interval
 * @param lastEchoEpochMs time of the last echo answered (either direction); 0 if none
 */
public record LinkCounters(long messagesIn, long messagesOut, long formatErrors,
        long brokenFrames, long refusedSends, long connects, long disconnects,
        long echoTimeouts, long lastEchoEpochMs) {
}
