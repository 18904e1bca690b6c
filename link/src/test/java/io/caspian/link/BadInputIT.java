package io.caspian.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputIT {

    @Test
    void aFrameOverTheMaximumClosesTheConnectionAndTheLinkReconnects() throws Exception {
        Dialect d = Messages.dialect("iso87-binary");
        try (LinkRuntime runtime = LinkRuntime.create(1);
                ScriptedPeer peer = new ScriptedPeer(d, ScriptedPeer.binary2())) {
            NettyLink link = new NettyLink(Configs.connect(d, peer.port(), Duration.ZERO, false),
                    new Recorder(), runtime);
            link.start();
            peer.accept(1_000);
            Await.until("up", 1_000, () -> link.state() == LinkState.SIGNED_ON);
            peer.writeRaw(new byte[] {0x0F, (byte) 0xA1, 0x02, 0x00}); // 4001 > 4000
            assertThat(peer.closedByLink()).isTrue();
            assertThat(link.counters().brokenFrames()).isEqualTo(1);
            peer.accept(1_000);
            Await.until("up again", 1_000, () -> link.state() == LinkState.SIGNED_ON);
            assertThat(link.send(Messages.request(d, 5))).isEqualTo(Link.SendResult.SENT);
            assertThat(peer.read().getLong(11)).isEqualTo(5);
            link.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void aMalformedMessageGetsTheFormatErrorReplyAndTheLinkCarriesOn(String name)
            throws Exception {
        Dialect d = Messages.dialect(name);
        try (LinkRuntime runtime = LinkRuntime.create(1);
                ScriptedPeer peer = new ScriptedPeer(d, Configs.framing(d))) {
            Recorder handler = new Recorder();
            NettyLink link = new NettyLink(Configs.connect(d, peer.port(), Duration.ZERO, true),
                    handler, runtime);
            link.start();
            peer.accept(1_000).answerSignOn();
            Await.until("signed on", 1_000, () -> link.state() == LinkState.SIGNED_ON);

            byte[] good = peer.encode(Messages.request(d, 77));
            peer.writeBody(Arrays.copyOf(good, good.length - 3));
            IsoMessage reply = peer.read();
            assertThat(reply.mti()).isEqualTo(d.isoVersion().mtiDigit() + "210");
            assertThat(reply.getString(39)).isEqualTo(d.formatErrorCode());
            assertThat(reply.getLong(11)).isEqualTo(77);
            Await.until("format error reported", 1_000, () -> handler.formatErrors.size() == 1);

            peer.write(Messages.request(d, 78));
            Await.until("next request delivered", 1_000, () -> handler.messages.size() == 1);
            assertThat(handler.messages.get(0).getLong(11)).isEqualTo(78);
            assertThat(link.send(Messages.approval(handler.messages.get(0))))
                    .isEqualTo(Link.SendResult.SENT);
            assertThat(peer.read().getLong(11)).isEqualTo(78);
            assertThat(link.counters().connects()).isEqualTo(1);
            link.stop();
        }
    }
}
