package io.caspian.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EchoIT {
    private static final Duration ECHO = Duration.ofMillis(40);

    @Test
    void echoesKeepAnIdleLinkUp() {
        Dialect d = Messages.dialect("mir");
        try (LinkRuntime runtime = LinkRuntime.create(1)) {
            NettyLink listen = new NettyLink(Configs.listen(d, ECHO, true), new Recorder(),
                    runtime);
            listen.start();
            NettyLink connect = new NettyLink(Configs.connect(d, listen.boundPort(), ECHO, true),
                    new Recorder(), runtime);
            connect.start();
            Await.until("signed on", 2_000, () -> connect.state() == LinkState.SIGNED_ON);
            Await.until("an echo", 1_000, () -> connect.counters().lastEchoEpochMs() > 0);
            long first = connect.counters().lastEchoEpochMs();
            Await.until("echoes over five intervals", 2_000,
                    () -> connect.counters().lastEchoEpochMs() > first + 5 * ECHO.toMillis());
            assertThat(connect.counters().connects()).isEqualTo(1);
            assertThat(connect.counters().echoTimeouts()).isZero();
            assertThat(listen.counters().echoTimeouts()).isZero();
            assertThat(connect.state()).isEqualTo(LinkState.SIGNED_ON);
            connect.stop();
            listen.stop();
        }
    }

    @Test
    void aPeerThatStopsAnsweringEchoesIsDroppedAndTheLinkReconnectsAndSignsOnAgain()
            throws Exception {
        Dialect d = Messages.dialect("iso87-binary");
        try (LinkRuntime runtime = LinkRuntime.create(1);
                ScriptedPeer peer = new ScriptedPeer(d, ScriptedPeer.binary2())) {
            Recorder handler = new Recorder();
            NettyLink link = new NettyLink(Configs.connect(d, peer.port(), ECHO, true), handler,
                    runtime);
            link.start();
            peer.accept(1_000).answerSignOn();
            Await.until("signed on", 1_000, () -> link.state() == LinkState.SIGNED_ON);
            IsoMessage echo = peer.read();
            assertThat(echo.getString(70)).isEqualTo("301");
            // No answer: the link gives the echo one interval, then closes.
            assertThat(peer.closedByLink()).isTrue();
            Await.until("disconnected", 1_000, () -> link.state() == LinkState.DISCONNECTED);
            peer.accept(1_000).answerSignOn();
            Await.until("signed on again", 1_000, () -> link.state() == LinkState.SIGNED_ON);
            // The state flips before the handler hears of it: wait for the fifth callback.
            Await.until("five state callbacks", 1_000, () -> handler.stateChanges.size() == 5);
            assertThat(link.counters().echoTimeouts()).isEqualTo(1);
            assertThat(link.counters().connects()).isEqualTo(2);
            assertThat(handler.stateChanges).containsExactly("DISCONNECTED->CONNECTED",
                    "CONNECTED->SIGNED_ON", "SIGNED_ON->DISCONNECTED", "DISCONNECTED->CONNECTED",
                    "CONNECTED->SIGNED_ON");
            link.stop();
        }
    }
}
