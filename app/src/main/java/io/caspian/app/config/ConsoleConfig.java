package io.caspian.app.config;

import io.caspian.console.ConsoleSettings;
import io.caspian.console.ConsoleTls;
import io.caspian.console.ConsoleUser;
import io.caspian.console.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code http:} and {@code users:} sections as the console's settings, checked. */
public final class ConsoleConfig {
    private ConsoleConfig() {
    }

    /** The console's settings, or null when the file has no {@code http:} section. */
    public static ConsoleSettings of(CaspianConfig c, String source) throws ConfigException {
        CaspianConfig.HttpSection http = c.http();
        if (http == null) {
            return null;
        }
        if (http.port() < 1 || http.port() > 65_535) {
            throw new ConfigException(source, "http.port", "must be 1..65535");
        }
        long ttl = http.sessionTtlMs() == 0 ? ConsoleSettings.SESSION_TTL_MS_DEFAULT
                : http.sessionTtlMs();
        if (ttl < 1_000) {
            throw new ConfigException(source, "http.sessionTtlMs", "must be at least 1000");
        }
        if (c.users() == null || c.users().isEmpty()) {
            throw new ConfigException(source, "users",
                    "the console needs at least one user (nothing answers without a login)");
        }
        List<ConsoleUser> users = new ArrayList<>();
        for (int i = 0; i < c.users().size(); i++) {
            CaspianConfig.UserSection u = c.users().get(i);
            String at = "users[" + i + "]";
            try {
                Role role = Role.parse(u.role());
                users.add(new ConsoleUser(u.name(), role, u.passwordHash()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source, at, e.getMessage());
            }
        }
        ConsoleTls tls = tls(http.tls(), source);
        try {
            return new ConsoleSettings(http.host() == null ? "127.0.0.1" : http.host(),
                    http.port(), ttl, users, http.recordMessages() == null
                            || http.recordMessages(), tls);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "users", e.getMessage());
        }
    }

    private static ConsoleTls tls(CaspianConfig.HttpTlsSection t, String source)
            throws ConfigException {
        if (t == null) {
            return null;
        }
        for (String[] f : new String[][] {{"certificateChain", t.certificateChain()},
            {"privateKey", t.privateKey()}}) {
            if (f[1] == null || !Files.isReadable(Path.of(f[1]))) {
                throw new ConfigException(source, "http.tls." + f[0],
                        "must name a readable PEM file");
            }
        }
        try {
            return new ConsoleTls(Path.of(t.certificateChain()), Path.of(t.privateKey()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "http.tls", e.getMessage());
        }
    }
}
