package io.caspian.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * A link connection's pipeline, inbound from the top:
 *
 * <pre>
 *   [tls]  SslHandler, TLS 1.3 mutual auth        (when configured)
 *   [idle] IdleStateHandler, all-idle echoInterval (when not zero)
 *   frames FrameDecoder: bytes -> InboundFrame
 *   link   ConnectionHandler: decode, network management, LinkHandler
 * </pre>
 *
 * Outbound messages are framed before they are written (see {@link Framer}), so the
 * pipeline carries bytes down.
 */
final class LinkChannelInitializer extends ChannelInitializer<Channel> {
    private final NettyLink link;
    private final SslContext ssl;

    LinkChannelInitializer(NettyLink link, SslContext ssl) {
        this.link = link;
        this.ssl = ssl;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
            LinkConfig c = link.config();
            p.addLast("tls", c.role() == LinkRole.CONNECT
                    ? ssl.newHandler(ch.alloc(), c.host(), c.port())
                    : ssl.newHandler(ch.alloc()));
        }
        long echoMs = link.config().echoInterval().toMillis();
        if (echoMs > 0) {
            p.addLast("idle", new IdleStateHandler(0, 0, echoMs, TimeUnit.MILLISECONDS));
        }
        p.addLast("frames", new FrameDecoder(link.framing()));
        p.addLast("link", new ConnectionHandler(link));
    }
}
