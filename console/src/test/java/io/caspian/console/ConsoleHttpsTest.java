package io.caspian.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.core.flow.SwitchStats;
import io.caspian.store.StoreConfig;
import io.caspian.store.TransactionStore;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over HTTPS: a self-signed identity (the JDK's keytool makes it; the test
 * writes it out as the PEM files an operator configures), a client that trusts only it.
 */
class ConsoleHttpsTest {
    private static final char[] P12_PASSWORD = "test-only".toCharArray();

    @TempDir
    Path dir;

    @Test
    void anOperatorLogsInOverHttpsAndTheSessionCookieIsSecure() throws Exception {
        ConsoleTls tls = identity("console");
        try (TransactionStore store = TransactionStore.open(StoreConfig.embedded(dir.resolve(
                "db")), Clock.systemUTC());
                ConsoleServer server = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0,
                        60_000, List.of(new ConsoleUser("otto", Role.OPERATOR,
                                PasswordHashes.hash("otto-pw".toCharArray(),
                                        PasswordHashes.ITERATIONS_MIN))), true, tls),
                        new ConsoleBackend(store, new SwitchStats(), () -> 0, List.of(),
                                pan -> null, () -> null, ClearingPort.NONE,
                                new ConsoleMetrics(), Clock.systemUTC()))) {
            Http https = new Http("https://127.0.0.1:" + server.port(),
                    HttpClient.newBuilder().sslContext(trusting(tls)));
            HttpResponse<String> login = https.post("/api/login", null,
                    "{\"user\":\"otto\",\"password\":\"otto-pw\"}");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie")).get().asString()
                    .contains("HttpOnly", "SameSite=Strict", "Secure");
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
            String token = Http.json(login).get("token").asText();
            assertThat(https.get("/api/me", token).body()).contains("otto");

            // The same port does not answer plain HTTP with the console.
            HttpResponse<String> plain = null;
            try {
                plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/api/me"))
                        .header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException refused) {
                // the TLS connector drops a plain request
            }
            assertThat(plain == null || plain.statusCode() != 200).as("plain HTTP refused")
                    .isTrue();
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesOrNotAKeyIsRefusedAtOnce() throws Exception {
        ConsoleTls one = identity("one");
        ConsoleTls other = identity("other");
        assertThat(new ConsoleTls(one.certificateChainPem(), one.privateKeyPem())).isNotNull();
        assertThatThrownBy(() -> new ConsoleTls(one.certificateChainPem(),
                other.privateKeyPem())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
        Path rsaKey = rsaKey();
        assertThatThrownBy(() -> new ConsoleTls(one.certificateChainPem(), rsaKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new ConsoleTls(one.certificateChainPem(),
                other.certificateChainPem())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no unencrypted PKCS#8 key");
        assertThatThrownBy(() -> new ConsoleTls(one.privateKeyPem(), one.privateKeyPem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PEM certificate chain");
    }

    /** An EC identity for 127.0.0.1 from keytool, as certificate and key PEM files. */
    private ConsoleTls identity(String name) throws Exception {
        KeyStore ks = keytool(name, "EC", "-groupname", "secp256r1");
        Path cert = dir.resolve(name + ".crt.pem");
        Path key = dir.resolve(name + ".key.pem");
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate(name).getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey(name, P12_PASSWORD).getEncoded()));
        return new ConsoleTls(cert, key);
    }

    private Path rsaKey() throws Exception {
        KeyStore ks = keytool("rsa", "RSA", "-keysize", "2048");
        Path key = dir.resolve("rsa.key.pem");
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey("rsa", P12_PASSWORD).getEncoded()));
        return key;
    }

    private KeyStore keytool(String name, String algorithm, String... size) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(
                System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", name, "-keyalg", algorithm, "-dname", "CN=" + name, "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", new String(P12_PASSWORD)));
        command.addAll(List.of(size));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, P12_PASSWORD);
        }
        return ks;
    }

    private static SSLContext trusting(ConsoleTls tls) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Certificate cert = tls.keyStore().getCertificate("console");
        trust.setCertificateEntry("console", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
