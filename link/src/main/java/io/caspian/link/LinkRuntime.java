package io.caspian.link;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The I/O threads every link of the process shares: one or two threads carry the switch's
 * links and the simulators' in one JVM, because a link thread only frames, decodes and hands
 * over. Close it after the links are stopped.
 */
public final class LinkRuntime implements AutoCloseable {
    private final EventLoopGroup group;

    private LinkRuntime(EventLoopGroup group) {
        this.group = group;
    }

    /** A runtime with {@code threads} I/O threads named {@code caspian-link-N}. */
    public static LinkRuntime create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        return new LinkRuntime(new NioEventLoopGroup(threads,
                new DefaultThreadFactory("caspian-link", true)));
    }

    EventLoopGroup group() {
        return group;
    }

    /** Whether the caller is one of the runtime's I/O threads (which must never wait). */
    boolean onIoThread() {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    /** Stops the threads; waits up to two seconds for them to finish. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(2_000);
    }
}
