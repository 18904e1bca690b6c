package io.caspian.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of a CONNECT link's connection slots: connects, and after a failure or a drop connects
 * again after a back-off, forever until the link stops. The back-off starts over only after
 * a connection got signed on, so a peer that accepts and drops at once is not hammered.
 */
final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    private final NettyLink link;
    private final Bootstrap bootstrap;
    private final Backoff backoff;
    private final int slot;
    /** Failed attempts since the last signed-on connection; touched by one event at a time. */
    private final AtomicInteger attempts = new AtomicInteger();

    Connector(NettyLink link, Bootstrap bootstrap, Backoff backoff, int slot) {
        this.link = link;
        this.bootstrap = bootstrap;
        this.backoff = backoff;
        this.slot = slot;
    }

    void connect() {
        if (link.stopped()) {
            return;
        }
        LinkConfig c = link.config();
        bootstrap.connect(c.host(), c.port()).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                Channel ch = f.channel();
                link.track(ch);
                ch.closeFuture().addListener(closed -> dropped(ch));
            } else {
                retry("connect to " + c.host() + ":" + c.port() + " failed: "
                        + f.cause().getMessage());
            }
        });
    }

    private void dropped(Channel ch) {
        Connection connection = ch.attr(NettyLink.CONNECTION).get();
        if (connection != null && connection.everSignedOn()) {
            attempts.set(0);
        }
        retry("connection closed");
    }

    private void retry(String why) {
        if (link.stopped()) {
            return;
        }
        int attempt = attempts.getAndIncrement();
        long delayMs = backoff.delayMs(attempt);
        log.info("link {} slot {}: {}; reconnecting in {} ms (attempt {})", link.config().name(),
                slot, why, delayMs, attempt + 1);
        bootstrap.config().group().schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
    }
}
