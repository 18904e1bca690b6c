package io.caspian.console;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the console listens and who may use it.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one (tests)
 * @param sessionTtlMs how long a session lives after its last request
 * @param users who may log in
 * @param recordMessages whether the switch records every message (masked) for the traces
 * @param tls HTTPS with this certificate and key; null serves plain HTTP
 */
public record ConsoleSettings(String host, int port, long sessionTtlMs, List<ConsoleUser> users,
        boolean recordMessages, ConsoleTls tls) {
    public static final long SESSION_TTL_MS_DEFAULT = 30 * 60 * 1_000L;

    public ConsoleSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
        if (sessionTtlMs < 1_000) {
            throw new IllegalArgumentException("sessionTtlMs must be at least 1000");
        }
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the console needs at least one user");
        }
        if (users.stream().map(ConsoleUser::name).distinct().count() != users.size()) {
            throw new IllegalArgumentException("user names must be unique");
        }
    }

    /** Plain HTTP. */
    public ConsoleSettings(String host, int port, long sessionTtlMs, List<ConsoleUser> users,
            boolean recordMessages) {
        this(host, port, sessionTtlMs, users, recordMessages, null);
    }

    Map<String, ConsoleUser> usersByName() {
        return users.stream().collect(Collectors.toMap(ConsoleUser::name, Function.identity()));
    }
}
