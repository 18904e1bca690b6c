package io.caspian.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions: a random 256-bit token per login, kept in memory (a restart logs
 * everyone out), valid for {@code sessionTtlMs} after the last use. The token travels as an
 * HttpOnly, SameSite=Strict cookie for the web console, or as {@code Authorization: Bearer}
 * for scripts.
 */
final class Sessions {
    private record Session(ConsoleUser user, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long sessionTtlMs;

    Sessions(Clock clock, long sessionTtlMs) {
        this.clock = clock;
        this.sessionTtlMs = sessionTtlMs;
    }

    String open(ConsoleUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(user, clock.instant().plusMillis(sessionTtlMs)));
        return token;
    }

    /** The session's user, extending it; empty when unknown or expired. */
    Optional<ConsoleUser> use(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.expiresAt().isAfter(now)) {
            sessions.remove(token);
            return Optional.empty();
        }
        sessions.put(token, new Session(s.user(), now.plusMillis(sessionTtlMs)));
        return Optional.of(s.user());
    }

    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    int size() {
        sessions.values().removeIf(s -> !s.expiresAt().isAfter(clock.instant()));
        return sessions.size();
    }
}
