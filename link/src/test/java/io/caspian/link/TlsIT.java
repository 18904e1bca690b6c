package io.caspian.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.dialect.Dialect;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS 1.3 with mutual authentication between two links, and a stranger refused. */
class TlsIT {
    @TempDir
    static Path dir;
    private static TestCertificates.Identity scheme;
    private static TestCertificates.Identity caspian;
    private static TestCertificates.Identity stranger;

    @BeforeAll
    static void identities() throws Exception {
        scheme = TestCertificates.generate(dir, "scheme");
        caspian = TestCertificates.generate(dir, "caspian");
        stranger = TestCertificates.generate(dir, "stranger");
    }

    private static LinkConfig.TlsConfig tls(TestCertificates.Identity me,
            TestCertificates.Identity peer) {
        return new LinkConfig.TlsConfig(me.certificate().toString(), me.privateKey().toString(),
                peer.certificate().toString());
    }

    @Test
    void mutuallyAuthenticatedTls13CarriesSignOnAndTraffic() {
        Dialect d = Messages.dialect("shetab");
        try (LinkRuntime runtime = LinkRuntime.create(1)) {
            NettyLink listen = new NettyLink(Configs.withTls(Configs.listen(d, Duration.ZERO, true),
                    tls(scheme, caspian)), Recorder.approving(), runtime);
            listen.start();
            Recorder acquirer = new Recorder();
            NettyLink connect = new NettyLink(Configs.withTls(Configs.connect(d,
                    listen.boundPort(), Duration.ZERO, true), tls(caspian, scheme)), acquirer,
                    runtime);
            connect.start();
            Await.until("signed on over TLS", 5_000, () -> connect.state() == LinkState.SIGNED_ON);
            SslHandler ssl = connect.connections().get(0).channel().pipeline()
                    .get(SslHandler.class);
            assertThat(ssl.engine().getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(connect.send(Messages.request(d, 31))).isEqualTo(Link.SendResult.SENT);
            Await.until("reply", 2_000, () -> acquirer.messages.size() == 1);
            connect.stop();
            listen.stop();
        }
    }

    @Test
    void aClientWithAnUntrustedCertificateNeverComesUp() {
        Dialect d = Messages.dialect("mir");
        try (LinkRuntime runtime = LinkRuntime.create(1)) {
            NettyLink listen = new NettyLink(Configs.withTls(Configs.listen(d, Duration.ZERO, true),
                    tls(scheme, caspian)), new Recorder(), runtime);
            listen.start();
            NettyLink connect = new NettyLink(Configs.withTls(Configs.connect(d,
                    listen.boundPort(), Duration.ZERO, true), tls(stranger, scheme)),
                    new Recorder(), runtime);
            connect.start();
            // Nothing to await: the point is that nothing happens. Reconnects every 10-100 ms
            // give the stranger several tries in this time.
            sleepMs(300);
            assertThat(connect.state()).isNotEqualTo(LinkState.SIGNED_ON);
            assertThat(listen.state()).isEqualTo(LinkState.DISCONNECTED);
            assertThat(listen.counters().connects()).isZero();
            connect.stop();
            listen.stop();
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
