package io.caspian.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.console.ConsoleSettings;
import io.caspian.console.PasswordHashes;
import io.caspian.console.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code http:} and {@code users:} sections: optional, and checked when present. */
class ConsoleConfigTest {
    private static final String HASH = PasswordHashes.hash("an operator's password"
            .toCharArray());

    private static String shipped() throws Exception {
        return Files.readString(Path.of("..", "config", "caspian.yaml"));
    }

    private static ConsoleSettings load(String extra) throws Exception {
        String yaml = shipped() + "\n" + extra;
        return ConsoleConfig.of(ConfigLoader.parse(yaml, "c.yaml"), "c.yaml");
    }

    @Test
    void withoutAnHttpSectionThereIsNoConsole() throws Exception {
        assertThat(load("")).isNull();
    }

    @Test
    void usersGetTheirRolesAndTheDefaultSessionLifetime() throws Exception {
        ConsoleSettings s = load("http: {port: 8080}\nusers:\n"
                + "  - {name: olga, role: operator, passwordHash: \"" + HASH + "\"}\n"
                + "  - {name: viv, role: VIEWER, passwordHash: \"" + HASH + "\"}\n");
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.sessionTtlMs()).isEqualTo(ConsoleSettings.SESSION_TTL_MS_DEFAULT);
        assertThat(s.users()).extracting(u -> u.role()).containsExactly(Role.OPERATOR,
                Role.VIEWER);
        assertThat(s.recordMessages()).isTrue();
        assertThat(load("http: {port: 8080, recordMessages: false}\nusers: [{name: a, role:"
                + " admin, passwordHash: \"" + HASH + "\"}]\n").recordMessages()).isFalse();
    }

    @Test
    void badUsersAreNamedWithTheirPath() {
        assertBad("http: {port: 8080}\n", "c.yaml: users: the console needs at least one user"
                + " (nothing answers without a login)");
        assertBad("http: {port: 0}\nusers: [{name: a, role: admin, passwordHash: \"" + HASH
                + "\"}]\n", "c.yaml: http.port: must be 1..65535");
        assertBad("http: {port: 8080}\nusers: [{name: a, role: boss, passwordHash: \"" + HASH
                + "\"}]\n", "c.yaml: users[0]: role 'boss' is not one of viewer, operator,"
                + " admin");
        assertThatThrownBy(() -> load("http: {port: 8080}\nusers: [{name: a, role: admin,"
                + " passwordHash: secret}]\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("c.yaml: users[0]: password hash is not of the form");
    }

    @Test
    void tlsFilesMustBeReadableAndHoldAChainAndItsKey(@TempDir Path dir) throws Exception {
        String users = "users: [{name: a, role: admin, passwordHash: \"" + HASH + "\"}]\n";
        Path missing = dir.resolve("missing.pem");
        assertBad("http: {port: 8443, tls: {certificateChain: " + missing + ", privateKey: "
                + missing + "}}\n" + users,
                "c.yaml: http.tls.certificateChain: must name a readable PEM file");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> load("http: {port: 8443, tls: {certificateChain: " + notPem
                + ", privateKey: " + notPem + "}}\n" + users))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("c.yaml: http.tls: " + notPem
                        + " is not a PEM certificate chain");
    }

    private static void assertBad(String extra, String message) {
        assertThatThrownBy(() -> load(extra)).isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }
}
