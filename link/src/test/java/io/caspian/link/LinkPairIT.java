package io.caspian.link;

import static io.caspian.link.Link.SendResult.NOT_SIGNED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two NettyLinks on loopback in one JVM, sharing two I/O threads. */
class LinkPairIT {

    @ParameterizedTest
    @ValueSource(strings = {"iso87-ascii", "mir", "shetab"})
    void signOnThenAThousandPipelinedRequestsThenSignOff(String dialectName) {
        Dialect d = Messages.dialect(dialectName);
        Duration echo = Duration.ofMillis(500);
        try (LinkRuntime runtime = LinkRuntime.create(2)) {
            Recorder issuer = Recorder.approving();
            NettyLink listen = new NettyLink(Configs.listen(d, echo, true), issuer, runtime);
            listen.start();
            Recorder acquirer = new Recorder();
            NettyLink connect = new NettyLink(Configs.connect(d, listen.boundPort(), echo, true),
                    acquirer, runtime);
            connect.start();
            Await.until("both signed on", 2_000, () -> listen.state() == LinkState.SIGNED_ON
                    && connect.state() == LinkState.SIGNED_ON);

            for (int stan = 1; stan <= 1_000; stan++) {
                assertThat(connect.send(Messages.request(d, stan))).isEqualTo(Link.SendResult.SENT);
            }
            Await.until("1,000 replies", 10_000, () -> acquirer.messages.size() == 1_000);
            Set<Long> stans = new TreeSet<>();
            for (IsoMessage reply : acquirer.messages) {
                assertThat(reply.mti()).endsWith("210");
                stans.add(reply.getLong(11));
            }
            assertThat(stans).hasSize(1_000).first().isEqualTo(1L);
            assertThat(issuer.messages).hasSize(1_000);
            assertThat(connect.counters().messagesIn()).isEqualTo(1_001);

            assertThat(connect.signOff()).isEqualTo(Link.SendResult.SENT);
            Await.until("both back to CONNECTED", 2_000, () -> listen.state()
                    == LinkState.CONNECTED && connect.state() == LinkState.CONNECTED);
            assertThat(connect.send(Messages.request(d, 1))).isEqualTo(NOT_SIGNED_ON);
            assertThat(listen.send(Messages.request(d, 1))).isEqualTo(NOT_SIGNED_ON);
            assertThat(connect.signOn()).isEqualTo(Link.SendResult.SENT);
            Await.until("signed on again", 2_000, () -> connect.state() == LinkState.SIGNED_ON);
            // The state flips before the handler hears of it: wait for the fourth callback.
            Await.until("four state callbacks", 2_000, () -> acquirer.stateChanges.size() == 4);
            assertThat(acquirer.stateChanges).containsExactly("DISCONNECTED->CONNECTED",
                    "CONNECTED->SIGNED_ON", "SIGNED_ON->CONNECTED", "CONNECTED->SIGNED_ON");

            connect.stop();
            Await.until("listen side down", 2_000, () -> listen.state() == LinkState.DISCONNECTED);
            listen.stop();
        }
    }
}
