package io.caspian.link;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.MaskedDump;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a link's pipeline: decodes each frame on the I/O thread, answers
 * network management and malformed messages, and hands everything else to the
 * {@link LinkHandler}. It never waits: a request and its response are two separate events.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final NettyLink link;
    private Connection connection;
    private boolean handshakeFailed;

    ConnectionHandler(NettyLink link) {
        this.link = link;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = new Connection(link, ctx.channel());
        ctx.channel().attr(NettyLink.CONNECTION).set(connection);
        // Under TLS the connection is up only once the handshake has authenticated the peer.
        if (ctx.pipeline().get(SslHandler.class) == null) {
            up();
        }
        ctx.fireChannelActive();
    }

    private void up() {
        link.liveCounters().connects.increment();
        link.register(connection);
        connection.transitionTo(LinkState.CONNECTED, "tcp up");
        if (!link.config().signOnRequired()) {
            connection.transitionTo(LinkState.SIGNED_ON, "sign-on not required");
        } else if (link.config().role() == LinkRole.CONNECT && !link.operatorSignedOff()) {
            connection.sendNetworkRequest(NetworkCode.SIGN_ON);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null && connection.state() != LinkState.DISCONNECTED) {
            link.liveCounters().disconnects.increment();
            connection.transitionTo(LinkState.DISCONNECTED, "tcp down");
            link.unregister(connection);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof InboundFrame.Broken b) {
            link.liveCounters().brokenFrames.increment();
            log.warn("link {} {}: broken frame, {} bytes discarded: {}; closing the connection",
                    link.config().name(), connection.remote(), b.bytesDiscarded(),
                    b.failure().describe());
            ctx.close();
        } else if (msg instanceof InboundFrame.Whole w) {
            connection.peerTpdu(w.tpdu());
            DecodeResult r = link.codec().decode(w.message());
            if (r instanceof DecodeResult.Success s) {
                link.liveCounters().messagesIn.increment();
                if (log.isTraceEnabled()) {
                    log.trace("link {} {}: in {}", link.config().name(), connection.remote(),
                            MaskedDump.oneLine(s.message()));
                }
                dispatch(s.message());
            } else {
                formatError(((DecodeResult.Failure) r).failure(), w.message());
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void dispatch(IsoMessage m) {
        NetworkManagement nm = link.networkManagement();
        NetworkCode code = nm.code(m);
        if (code != null && nm.isRequest(m)) {
            new NetworkRequests(link, connection).answer(m, code);
        } else if (code != null && nm.isResponse(m)) {
            new NetworkRequests(link, connection).onResponse(m, code);
        } else {
            link.deliver(m);
        }
    }

    private void formatError(CodecFailure failure, byte[] message) {
        link.liveCounters().formatErrors.increment();
        IsoMessage salvaged = link.codec().salvage(message, 0, message.length);
        IsoMessage reply = FormatErrorReply.build(link.codec().dialect(), salvaged);
        // CodecFailure never carries a sensitive value; the salvaged dump is masked.
        log.warn("link {} {}: format error: {}; received {}; {}", link.config().name(),
                connection.remote(), failure.describe(), MaskedDump.oneLine(salvaged),
                reply == null ? "no reply possible" : "replied " + MaskedDump.oneLine(reply));
        if (reply != null) {
            connection.writeOwn(reply);
        }
        link.formatError(failure);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && connection != null) {
            new NetworkRequests(link, connection).onIdle();
        } else if (evt instanceof SslHandshakeCompletionEvent hs) {
            if (hs.isSuccess()) {
                up();
            } else {
                handshakeFailed = true;
                log.warn("link {} {}: TLS handshake failed: {}", link.config().name(),
                        connection.remote(), hs.cause().toString());
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // The top of the I/O thread's work for this connection: log, count as a drop, close.
        if (handshakeFailed && cause.getCause() instanceof SSLHandshakeException) {
            // Already logged with the handshake completion event.
            ctx.close();
            return;
        }
        log.warn("link {} {}: {}; closing the connection", link.config().name(),
                connection == null ? ctx.channel().remoteAddress() : connection.remote(),
                cause.toString());
        ctx.close();
    }
}
