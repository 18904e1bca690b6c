package io.caspian.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts at most {@code connections} connections on a LISTEN link; closes the rest. */
final class ListenerGate extends ChannelInitializer<Channel> {
    private static final Logger log = LoggerFactory.getLogger(ListenerGate.class);

    private final NettyLink link;
    private final LinkChannelInitializer pipeline;

    ListenerGate(NettyLink link, LinkChannelInitializer pipeline) {
        this.link = link;
        this.pipeline = pipeline;
    }

    @Override
    protected void initChannel(Channel ch) {
        int max = link.config().connections();
        if (link.stopped() || link.accepted().incrementAndGet() > max) {
            if (!link.stopped()) {
                link.accepted().decrementAndGet();
            }
            log.warn("link {}: refused connection from {}: {}", link.config().name(),
                    ch.remoteAddress(), link.stopped() ? "stopping"
                            : "already " + max + " connection(s)");
            ch.close();
            return;
        }
        ch.closeFuture().addListener(f -> link.accepted().decrementAndGet());
        link.track(ch);
        ch.pipeline().addLast(pipeline);
    }
}
