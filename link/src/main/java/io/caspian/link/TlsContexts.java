package io.caspian.link;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import javax.net.ssl.SSLException;

/** TLS 1.3 with mutual authentication from PEM files, on the JDK's provider. */
final class TlsContexts {
    private static final String TLS_1_3 = "TLSv1.3";

    private TlsContexts() {
    }

    static SslContext forRole(LinkRole role, LinkConfig.TlsConfig tls) {
        File chain = new File(tls.certificateChainPem());
        File key = new File(tls.privateKeyPem());
        File trust = new File(tls.trustedCertificatesPem());
        try {
            SslContextBuilder b = role == LinkRole.LISTEN
                    ? SslContextBuilder.forServer(chain, key).clientAuth(ClientAuth.REQUIRE)
                    : SslContextBuilder.forClient().keyManager(chain, key);
            return b.trustManager(trust).protocols(TLS_1_3).sslProvider(SslProvider.JDK).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS settings: " + e.getMessage(), e);
        }
    }
}
