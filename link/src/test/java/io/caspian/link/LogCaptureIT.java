package io.caspian.link;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.caspian.iso8583.dialect.Dialect;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Invariant I5 for the link: no clear PAN in any log line, at every level down to TRACE. */
class LogCaptureIT {
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger linkLogger = (Logger) LoggerFactory.getLogger("io.caspian.link");

    @BeforeEach
    void capture() {
        captured.start();
        linkLogger.addAppender(captured);
        linkLogger.setLevel(Level.TRACE);
        linkLogger.setAdditive(false);
    }

    @AfterEach
    void release() {
        linkLogger.detachAppender(captured);
        linkLogger.setLevel(null);
        linkLogger.setAdditive(true);
    }

    @Test
    void noFullPanInAnyLogLineAcrossTheScenarios() throws Exception {
        Dialect d = Messages.dialect("mir");
        try (LinkRuntime runtime = LinkRuntime.create(1)) {
            trafficBetweenTwoLinks(d, runtime);
            malformedAndBrokenFramesFromAPeer(d, runtime);
        }
        assertThat(captured.list).isNotEmpty();
        assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .as("the masked PAN shows that message dumps were logged")
                .contains("220012******9012"));
        for (ILoggingEvent e : captured.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(Messages.PAN);
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(Messages.PAN);
            }
        }
    }

    private static void trafficBetweenTwoLinks(Dialect d, LinkRuntime runtime) {
        Duration echo = Duration.ofMillis(30);
        NettyLink listen = new NettyLink(Configs.listen(d, echo, true), Recorder.approving(),
                runtime);
        listen.start();
        Recorder acquirer = new Recorder();
        NettyLink connect = new NettyLink(Configs.connect(d, listen.boundPort(), echo, true),
                acquirer, runtime);
        connect.start();
        Await.until("signed on", 2_000, () -> connect.state() == LinkState.SIGNED_ON);
        for (int stan = 1; stan <= 50; stan++) {
            connect.send(Messages.request(d, stan));
        }
        Await.until("replies", 2_000, () -> acquirer.messages.size() == 50);
        Await.until("an echo", 1_000, () -> connect.counters().lastEchoEpochMs() > 0);
        connect.signOff();
        connect.stop();
        listen.stop();
    }

    private static void malformedAndBrokenFramesFromAPeer(Dialect d, LinkRuntime runtime)
            throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(d, Configs.framing(d))) {
            Recorder handler = new Recorder();
            NettyLink link = new NettyLink(Configs.connect(d, peer.port(), Duration.ZERO, false),
                    handler, runtime);
            link.start();
            peer.accept(1_000);
            byte[] good = peer.encode(Messages.request(d, 9));
            peer.writeBody(Arrays.copyOf(good, good.length - 1));
            peer.read();
            // A PAN where the length header should be: a broken frame whose bytes are logged
            // only as a count.
            peer.writeRaw(Messages.PAN.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(peer.closedByLink()).isTrue();
            link.stop();
        }
    }
}
