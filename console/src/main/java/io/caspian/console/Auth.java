package io.caspian.console;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who is asking: a session cookie (the web console), a bearer token (scripts), or HTTP Basic
 * (a Prometheus scraper). Nothing but {@code /health} and the login page and form answers
 * without one of them; roles are checked per route.
 */
final class Auth {
    static final String COOKIE = "caspian_session";
    private static final String USER_ATTRIBUTE = "caspian.user";
    /** Paths that answer without a login. */
    private static final Set<String> OPEN = Set.of("/health", "/health/live", "/health/ready",
            "/login", "/api/login", "/assets/console.css", "/assets/login.js");
    /** Verified Basic credentials, by SHA-256 of the header: PBKDF2 once, not per scrape. */
    private static final int BASIC_CACHE_MAX = 64;

    private final Map<String, ConsoleUser> users;
    private final Sessions sessions;
    private final Audit audit;
    private final Map<String, ConsoleUser> basicVerified = new ConcurrentHashMap<>();
    /**
     * Password checks at once: each costs PBKDF2's deliberate CPU time, so a flood of logins
     * must not take the switch's cores from its traffic.
     */
    private final Semaphore verifying = new Semaphore(VERIFYING_MAX);
    static final int VERIFYING_MAX = 2;
    private static final long VERIFY_WAIT_MS = 5_000;

    /** The session cookie's attributes; over HTTPS it is also {@code Secure}. */
    private final String cookieAttributes;

    Auth(Map<String, ConsoleUser> users, Sessions sessions, Audit audit, boolean https) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.cookieAttributes = "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    /** Before every request: lets open paths through, else finds the user or refuses. */
    void check(Context ctx) {
        String path = ctx.path();
        if (OPEN.contains(path)) {
            return;
        }
        Optional<ConsoleUser> user = sessions.use(token(ctx)).or(() -> basic(ctx));
        if (user.isPresent()) {
            ctx.attribute(USER_ATTRIBUTE, user.get());
            return;
        }
        boolean page = path.equals("/") || path.endsWith(".html");
        if (page) {
            ctx.redirect("/login");
        } else {
            if (path.equals("/metrics")) {
                ctx.header("WWW-Authenticate", "Basic realm=\"caspian\"");
            }
            ctx.status(401).json(Map.of("error", "log in first (POST /api/login)"));
        }
        ctx.skipRemainingHandlers();
    }

    static ConsoleUser user(Context ctx) {
        ConsoleUser u = ctx.attribute(USER_ATTRIBUTE);
        if (u == null) {
            throw new IllegalStateException("no user on an authenticated route");
        }
        return u;
    }

    /** Refuses with 403 unless the user's role includes {@code needed}. */
    static ConsoleUser require(Context ctx, Role needed) {
        ConsoleUser u = user(ctx);
        if (!u.role().includes(needed)) {
            throw new Forbidden(u.name() + " is " + u.role().name().toLowerCase()
                    + "; this needs " + needed.name().toLowerCase());
        }
        return u;
    }

    /** {@code POST /api/login} with {@code {"user": ..., "password": ...}}. */
    void login(Context ctx) {
        LoginForm form = Bodies.read(ctx, LoginForm.class);
        if (form == null || form.user() == null || form.password() == null) {
            throw new BadRequest("send {\"user\": ..., \"password\": ...}");
        }
        ConsoleUser u = users.get(form.user());
        if (u == null || !verify(u, form.password())) {
            String who = form.user().replaceAll("[^A-Za-z0-9._-]", "?");
            audit.record(who.isEmpty() ? "?" : who.substring(0, Math.min(64, who.length())),
                    "LOGIN_FAILED", "console", "wrong user or password from " + ctx.ip());
            ctx.status(401).json(Map.of("error", "wrong user or password"));
            return;
        }
        String token = sessions.open(u);
        audit.record(u.name(), "LOGIN", "console", "from " + ctx.ip());
        ctx.header("Set-Cookie", COOKIE + "=" + token + cookieAttributes);
        ctx.json(Map.of("user", u.name(), "role", u.role().name().toLowerCase(), "token",
                token));
    }

    void logout(Context ctx) {
        sessions.close(token(ctx));
        ctx.header("Set-Cookie", COOKIE + "=; Max-Age=0" + cookieAttributes);
        ctx.json(Map.of("loggedOut", true));
    }

    private boolean verify(ConsoleUser u, String password) {
        try {
            if (!verifying.tryAcquire(VERIFY_WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new Busy("too many logins at once; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted");
        }
        try {
            return PasswordHashes.verify(u.passwordHash(), password.toCharArray());
        } finally {
            verifying.release();
        }
    }

    /** Too many password checks waiting: HTTP 503. */
    static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    private static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            return header.substring(7).trim();
        }
        return ctx.cookie(COOKIE);
    }

    private Optional<ConsoleUser> basic(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        String key = sha256(header);
        ConsoleUser cached = basicVerified.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        ConsoleUser u = colon < 0 ? null : users.get(decoded.substring(0, colon));
        if (u == null || !verify(u, decoded.substring(colon + 1))) {
            return Optional.empty();
        }
        if (basicVerified.size() < BASIC_CACHE_MAX) {
            basicVerified.put(key, u);
        }
        return Optional.of(u);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The login form's body. */
    record LoginForm(String user, String password) {
    }

    /** Not allowed for the user's role: HTTP 403. */
    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(message);
        }
    }
}
