package io.caspian.sim;

/**
 * What a scheme simulator's faults did to the issuer's answers since start.
 *
 * @param answered answers sent on time
 * @param late answers sent late
 * @param dropped answers lost after processing
 * @param garbage answers replaced by garbage
 * @param disconnects connections dropped
 * @param unavailable messages ignored while the host was down
 * @param replyNotSent answers the link refused (not signed on, queue full)
 * @param ignored messages neither the issuer nor the acquirer takes (e.g. key change)
 */
public record SimCounters(long answered, long late, long dropped, long garbage,
        long disconnects, long unavailable, long replyNotSent, long ignored) {
}
