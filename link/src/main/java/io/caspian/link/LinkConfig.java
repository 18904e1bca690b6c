package io.caspian.link;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.framing.FrameSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * One link's settings, validated at construction.
 *
 * @param name link name for logs and metrics, e.g. {@code mir}
 * @param role listen or connect
 * @param host address to bind (LISTEN) or to connect to (CONNECT)
 * @param port TCP port; 0 with LISTEN binds an ephemeral port ({@link NettyLink#boundPort})
 * @param connections connections to open (CONNECT) or accept at most (LISTEN)
 * @param dialect the wire dialect
 * @param framing length header, TPDU, frameLengthMax
 * @param echoInterval idle time after which an echo test is sent, and the time an echo or a
 *     sign-on has to be answered before the connection is closed; zero disables both
 * @param signOnRequired whether traffic waits for a sign-on exchange (who sends the 0800
 *     sign-on: the CONNECT side)
 * @param reconnectMin first back-off delay after a failed or dropped connection (CONNECT)
 * @param reconnectMax largest back-off delay
 * @param outboundQueueMax messages queued for writing per connection before send() refuses
 * @param tls optional TLS 1.3 settings; null for plain TCP
 * @param institutionId our institution code for DE 33 of network management; null omits it
 */
public record LinkConfig(String name, LinkRole role, String host, int port, int connections,
        Dialect dialect, FrameSpec framing, Duration echoInterval, boolean signOnRequired,
        Duration reconnectMin, Duration reconnectMax, int outboundQueueMax, TlsConfig tls,
        String institutionId) {

    public LinkConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("link name is required");
        }
        Objects.requireNonNull(role, name + ": role is required");
        Objects.requireNonNull(host, name + ": host is required");
        Objects.requireNonNull(dialect, name + ": dialect is required");
        Objects.requireNonNull(framing, name + ": framing is required");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + ": port " + port + " is not 0..65535");
        }
        if (port == 0 && role == LinkRole.CONNECT) {
            throw new IllegalArgumentException(name + ": a CONNECT link needs a port");
        }
        if (connections < 1) {
            throw new IllegalArgumentException(name + ": connections must be at least 1");
        }
        if (echoInterval == null || echoInterval.isNegative()) {
            throw new IllegalArgumentException(name + ": echoInterval must be zero or more");
        }
        if (reconnectMin == null || reconnectMax == null || reconnectMin.isNegative()
                || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException(name + ": reconnectMin <= reconnectMax required");
        }
        if (outboundQueueMax < 1) {
            throw new IllegalArgumentException(name + ": outboundQueueMax must be at least 1");
        }
    }

    /** TLS 1.3 with mutual authentication: PEM files for our chain and key, and trust. */
    public record TlsConfig(String certificateChainPem, String privateKeyPem,
            String trustedCertificatesPem) {

        public TlsConfig {
            Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            Objects.requireNonNull(trustedCertificatesPem, "trustedCertificatesPem");
        }
    }
}
