package io.caspian.link;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.framing.Framing;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Link} on Netty: listens or connects, frames, decodes on the I/O thread, keeps
 * the link state machine with network management, reconnects with back-off.
 */
public final class NettyLink implements Link {
    /** Bytes buffered for writing on one connection before it stops taking sends. */
    static final int WRITE_BUFFER_HIGH_BYTES = 1 << 20;
    static final int WRITE_BUFFER_LOW_BYTES = 1 << 19;
    static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("caspian.connection");
    private static final Logger log = LoggerFactory.getLogger(NettyLink.class);
    private static final long STOP_WAIT_MS = 2_000;

    private final LinkConfig config;
    private final LinkHandler handler;
    private final LinkRuntime runtime;
    private final Clock clock;
    private final RandomGenerator random;
    private final IsoCodec codec;
    private final Framing framing;
    private final Framer framer;
    private final NetworkManagement networkManagement;
    private final Counters counters = new Counters();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicLong stanCounter = new AtomicLong();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile LinkState state = LinkState.DISCONNECTED;
    private volatile boolean stopped;
    private volatile boolean operatorSignedOff;
    private volatile Channel serverChannel;

    /** A link on the runtime's threads, with the system clock and an unseeded random. */
    public NettyLink(LinkConfig config, LinkHandler handler, LinkRuntime runtime) {
        this(config, handler, runtime, Clock.systemUTC(), new Random());
    }

    /**
     * @param clock transmission and local times of network management, echo times
     * @param random reconnect jitter
     */
    public NettyLink(LinkConfig config, LinkHandler handler, LinkRuntime runtime, Clock clock,
            RandomGenerator random) {
        this.config = config;
        this.handler = handler;
        this.runtime = runtime;
        this.clock = clock;
        this.random = random;
        this.codec = new IsoCodec(config.dialect());
        this.framing = new Framing(config.framing());
        this.framer = new Framer(codec, framing);
        this.networkManagement = new NetworkManagement(config.dialect(), config.institutionId(),
                clock);
    }

    @Override
    public LinkConfig config() {
        return config;
    }

    @Override
    public LinkState state() {
        return state;
    }

    /** The port a LISTEN link is bound to (the ephemeral one for port 0); -1 if not bound. */
    public int boundPort() {
        Channel server = serverChannel;
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void start() {
        SslContext ssl = config.tls() == null ? null : TlsContexts.forRole(config.role(),
                config.tls());
        LinkChannelInitializer init = new LinkChannelInitializer(this, ssl);
        WriteBufferWaterMark mark = new WriteBufferWaterMark(WRITE_BUFFER_LOW_BYTES,
                WRITE_BUFFER_HIGH_BYTES);
        if (config.role() == LinkRole.LISTEN) {
            ServerBootstrap b = new ServerBootstrap().group(runtime.group())
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, mark)
                    .childHandler(new ListenerGate(this, init));
            ChannelFuture bound = b.bind(config.host(), config.port()).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IllegalStateException("link " + config.name() + ": cannot listen on "
                        + config.host() + ":" + config.port() + ": " + bound.cause(),
                        bound.cause());
            }
            serverChannel = bound.channel();
            log.info("link {}: listening on {}", config.name(), serverChannel.localAddress());
        } else {
            Bootstrap b = new Bootstrap().group(runtime.group()).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, mark)
                    .handler(init);
            Backoff backoff = new Backoff(config.reconnectMin(), config.reconnectMax(), random);
            for (int slot = 0; slot < config.connections(); slot++) {
                new Connector(this, b, backoff, slot).connect();
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        for (Connection c : connections) {
            c.channel().eventLoop().execute(() -> {
                if (c.state() == LinkState.SIGNED_ON && config.signOnRequired()) {
                    c.sendNetworkRequest(NetworkCode.SIGN_OFF);
                }
                c.channel().close();
            });
        }
        Channel server = serverChannel;
        if (server != null) {
            server.close();
        }
        if (!runtime.onIoThread()) {
            channels.newCloseFuture().awaitUninterruptibly(STOP_WAIT_MS);
            if (server != null) {
                server.closeFuture().awaitUninterruptibly(STOP_WAIT_MS);
            }
        }
        log.info("link {}: stopped", config.name());
    }

    @Override
    public SendResult send(IsoMessage message) {
        EncodeResult encoded = framer.encode(message);
        if (encoded instanceof EncodeResult.Failure f) {
            log.warn("link {}: cannot send {}: {}", config.name(), message.mti(),
                    f.failure().describe());
            return refused(SendResult.ENCODE_FAILED);
        }
        byte[] body = ((EncodeResult.Success) encoded).bytes();
        boolean networkManagement = message.mtiNumber() / 100 % 10 == 8;
        List<Connection> snapshot = connections;
        int n = snapshot.size();
        if (n == 0) {
            return refused(SendResult.NOT_CONNECTED);
        }
        int start = Math.floorMod(roundRobin.getAndIncrement(), n);
        boolean eligible = false;
        for (int i = 0; i < n; i++) {
            Connection c = snapshot.get((start + i) % n);
            LinkState s = c.state();
            if (s == LinkState.SIGNED_ON
                    || (networkManagement && s == LinkState.CONNECTED)) {
                eligible = true;
                if (c.trySend(body)) {
                    return SendResult.SENT;
                }
            }
        }
        return refused(eligible ? SendResult.QUEUE_FULL : SendResult.NOT_SIGNED_ON);
    }

    private SendResult refused(SendResult why) {
        counters.refusedSends.increment();
        return why;
    }

    @Override
    public SendResult signOn() {
        operatorSignedOff = false;
        return onEveryConnection(NetworkCode.SIGN_ON);
    }

    @Override
    public SendResult signOff() {
        operatorSignedOff = true;
        return onEveryConnection(NetworkCode.SIGN_OFF);
    }

    @Override
    public SendResult echo() {
        return onEveryConnection(NetworkCode.ECHO);
    }

    private SendResult onEveryConnection(NetworkCode code) {
        if (connections.isEmpty()) {
            return refused(SendResult.NOT_CONNECTED);
        }
        for (Connection c : connections) {
            c.channel().eventLoop().execute(() -> c.sendNetworkRequest(code));
        }
        return SendResult.SENT;
    }

    @Override
    public LinkCounters counters() {
        return counters.snapshot();
    }

    @Override
    public String toString() {
        return "NettyLink[" + config.name() + " " + config.role() + " " + state + "]";
    }

    // --- for the pipeline -----------------------------------------------------------------

    Counters liveCounters() {
        return counters;
    }

    /** Recomputes the link's state from its connections and reports a change. */
    synchronized void connectionChanged() {
        LinkState next = LinkState.DISCONNECTED;
        for (Connection c : connections) {
            if (c.state().compareTo(next) > 0) {
                next = c.state();
            }
        }
        LinkState from = state;
        if (next != from) {
            state = next;
            log.info("link {}: {} -> {}", config.name(), from, next);
            try {
                handler.onStateChange(this, from, next);
            } catch (RuntimeException e) {
                log.error("link {}: state change handler failed", config.name(), e);
            }
        }
    }

    void register(Connection c) {
        connections.add(c);
        channels.add(c.channel());
    }

    void unregister(Connection c) {
        connections.remove(c);
        connectionChanged();
    }

    /** A new channel, so that stop() can close it even before it is up (TLS handshake). */
    void track(Channel ch) {
        channels.add(ch);
        if (stopped) {
            ch.close();
        }
    }

    void deliver(IsoMessage m) {
        try {
            handler.onMessage(this, m);
        } catch (RuntimeException e) {
            log.error("link {}: handler failed on {}", config.name(), m.mti(), e);
        }
    }

    void formatError(CodecFailure failure) {
        try {
            handler.onFormatError(this, failure);
        } catch (RuntimeException e) {
            log.error("link {}: format error handler failed", config.name(), e);
        }
    }

    long nextStan() {
        return networkManagement.stanAfter(stanCounter.getAndIncrement());
    }

    /** Messages handed to the connections and not yet written, over all connections. */
    int pendingWrites() {
        int sum = 0;
        for (Connection c : connections) {
            sum += c.pendingWrites();
        }
        return sum;
    }

    List<Connection> connections() {
        return connections;
    }

    AtomicInteger accepted() {
        return accepted;
    }

    boolean stopped() {
        return stopped;
    }

    boolean operatorSignedOff() {
        return operatorSignedOff;
    }

    Clock clock() {
        return clock;
    }

    IsoCodec codec() {
        return codec;
    }

    Framing framing() {
        return framing;
    }

    Framer framer() {
        return framer;
    }

    NetworkManagement networkManagement() {
        return networkManagement;
    }
}
