package io.caspian.link;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.MaskedDump;
import io.caspian.iso8583.framing.Framing;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection of a link and its state (see {@link LinkState}). The state changes only
 * on the connection's I/O thread, through {@link #transitionTo}; any thread may read it and
 * may send, which reserves one of outboundQueueMax write slots first.
 */
final class Connection {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** TPDU of our own requests until the peer's first frame tells us its addresses. */
    private static final byte[] DEFAULT_TPDU = {0x60, 0, 0, 0, 0};

    private final NettyLink link;
    private final Channel channel;
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private volatile LinkState state = LinkState.DISCONNECTED;
    private volatile byte[] tpdu = DEFAULT_TPDU;
    private volatile boolean everSignedOn;

    // I/O thread only: our own network management requests awaiting their response, by STAN.
    private final Map<String, NetworkCode> outstanding = new HashMap<>();
    private boolean signOnDeclined;

    Connection(NettyLink link, Channel channel) {
        this.link = link;
        this.channel = channel;
    }

    LinkState state() {
        return state;
    }

    Channel channel() {
        return channel;
    }

    boolean everSignedOn() {
        return everSignedOn;
    }

    int pendingWrites() {
        return pendingWrites.get();
    }

    /** The only mutator of the state: checks the edge, logs it, tells the link. */
    void transitionTo(LinkState next, String cause) {
        LinkState from = state;
        if (from == next) {
            return;
        }
        if (!from.canMoveTo(next)) {
            throw new IllegalStateException("link " + link.config().name() + ": connection "
                    + from + " -> " + next + " is not an edge of LinkState (" + cause + ")");
        }
        state = next;
        everSignedOn |= next == LinkState.SIGNED_ON;
        log.info("link {} {}: connection {} -> {} ({})", link.config().name(), remote(), from,
                next, cause);
        link.connectionChanged();
    }

    /** Remembers the peer's TPDU so that what we send goes back to where it came from. */
    void peerTpdu(byte[] received) {
        if (received != null) {
            tpdu = Framing.replyTpdu(received);
        }
    }

    /**
     * Queues an encoded message (no header, no TPDU) unless the connection already holds
     * outboundQueueMax unwritten messages or is over its write-buffer high-water mark.
     */
    boolean trySend(byte[] body) {
        if (!channel.isWritable()) {
            return false;
        }
        if (pendingWrites.incrementAndGet() > link.config().outboundQueueMax()) {
            pendingWrites.decrementAndGet();
            return false;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(link.framer().frame(tpdu, body)))
                .addListener(f -> {
                    pendingWrites.decrementAndGet();
                    if (f.isSuccess()) {
                        link.liveCounters().messagesOut.increment();
                    }
                });
        return true;
    }

    /** Writes a message the link itself originates or answers; I/O thread. */
    void writeOwn(IsoMessage m) {
        byte[] body = link.framer().encodeOwn(m);
        channel.writeAndFlush(Unpooled.wrappedBuffer(link.framer().frame(tpdu, body)))
                .addListener(f -> {
                    if (f.isSuccess()) {
                        link.liveCounters().messagesOut.increment();
                    }
                });
        if (log.isTraceEnabled()) {
            log.trace("link {} {}: out {}", link.config().name(), remote(), MaskedDump.oneLine(m));
        }
    }

    /** Sends a sign-on, sign-off or echo; an unanswered sign-on or echo closes the connection. */
    void sendNetworkRequest(NetworkCode code) {
        if (!channel.isActive()) {
            return;
        }
        IsoMessage request = link.networkManagement().request(code, link.nextStan());
        String stan = request.getString(11);
        outstanding.put(stan, code);
        if (code == NetworkCode.SIGN_OFF && state == LinkState.SIGNED_ON) {
            transitionTo(LinkState.CONNECTED, "sign-off sent");
        }
        writeOwn(request);
        long timeoutMs = link.config().echoInterval().toMillis();
        if (code != NetworkCode.SIGN_OFF && timeoutMs > 0) {
            channel.eventLoop().schedule(() -> unanswered(stan, code, timeoutMs), timeoutMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void unanswered(String stan, NetworkCode code, long timeoutMs) {
        if (outstanding.remove(stan) != null && channel.isActive()) {
            link.liveCounters().echoTimeouts.increment();
            log.warn("link {} {}: no answer to {} stan {} within {} ms; closing the connection",
                    link.config().name(), remote(), code, stan, timeoutMs);
            channel.close();
        }
    }

    /** Whether an echo of ours is still unanswered. */
    boolean echoOutstanding() {
        return outstanding.containsValue(NetworkCode.ECHO);
    }

    /** The request of ours this response answers, removed from the outstanding ones. */
    NetworkCode answered(String stan, NetworkCode code) {
        NetworkCode sent = outstanding.get(stan);
        if (sent != code) {
            return null;
        }
        outstanding.remove(stan);
        return sent;
    }

    boolean signOnDeclined() {
        return signOnDeclined;
    }

    void signOnDeclined(boolean declined) {
        this.signOnDeclined = declined;
    }

    String remote() {
        return String.valueOf(channel.remoteAddress());
    }
}
