package io.caspian.link;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.LengthHeader;
import java.time.Duration;

/** Link settings for tests: loopback, fast timers. */
final class Configs {
    static final String HOST = "127.0.0.1";

    private Configs() {
    }

    /** The framing the docs pair with a dialect: 4-byte ASCII for shetab, else 2-byte binary. */
    static FrameSpec framing(Dialect d) {
        LengthHeader h = d.name().equals("shetab") ? LengthHeader.ASCII4 : LengthHeader.BINARY2;
        return new FrameSpec(h, false, 4_000);
    }

    static LinkConfig listen(Dialect d, Duration echo, boolean signOn) {
        return new LinkConfig(d.name() + "-listen", LinkRole.LISTEN, HOST, 0, 1, d, framing(d),
                echo, signOn, Duration.ofMillis(10), Duration.ofMillis(100), 2_000, null,
                null);
    }

    static LinkConfig connect(Dialect d, int port, Duration echo, boolean signOn) {
        return new LinkConfig(d.name() + "-connect", LinkRole.CONNECT, HOST, port, 1, d,
                framing(d), echo, signOn, Duration.ofMillis(10), Duration.ofMillis(100), 2_000,
                null, "12345");
    }

    static LinkConfig withQueueMax(LinkConfig c, int max) {
        return new LinkConfig(c.name(), c.role(), c.host(), c.port(), c.connections(),
                c.dialect(), c.framing(), c.echoInterval(), c.signOnRequired(), c.reconnectMin(),
                c.reconnectMax(), max, c.tls(), c.institutionId());
    }

    static LinkConfig withTls(LinkConfig c, LinkConfig.TlsConfig tls) {
        return new LinkConfig(c.name(), c.role(), c.host(), c.port(), c.connections(),
                c.dialect(), c.framing(), c.echoInterval(), c.signOnRequired(), c.reconnectMin(),
                c.reconnectMax(), c.outboundQueueMax(), tls, c.institutionId());
    }
}
