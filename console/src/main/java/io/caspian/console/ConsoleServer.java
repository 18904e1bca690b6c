package io.caspian.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caspian.store.StoreException;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server (Javalin on Jetty), one port:
 *
 * <pre>
 * /health, /health/live, /health/ready   no login
 * /login, POST /api/login                no login
 * /metrics                               Prometheus text; any role (Basic or token)
 * /api/...                               JSON (docs/api.md); viewer, operator or admin
 * /                                      the web console
 * </pre>
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final Javalin app;

    private ConsoleServer(Javalin app) {
        this.app = app;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws ConsoleStartException when the port cannot be bound
     */
    public static ConsoleServer start(ConsoleSettings settings, ConsoleBackend backend) {
        backend.metrics().bind(backend);
        Audit audit = new Audit(backend.store(), backend.clock());
        Sessions sessions = new Sessions(backend.clock(), settings.sessionTtlMs());
        ConsoleTls tls = settings.tls();
        Auth auth = new Auth(settings.usersByName(), sessions, audit, tls != null);
        ObjectMapper json = new ObjectMapper();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = 64 * 1024;
            if (tls != null) {
                config.jetty.addConnector((server, http) -> https(server, http, settings));
            }
        });
        if (tls != null) {
            app.before(ctx -> ctx.header("Strict-Transport-Security", "max-age=31536000"));
        }
        app.before(auth::check);
        errors(app);
        Pages.register(app);
        new Health(backend).register(app);
        app.post("/api/login", auth::login);
        app.post("/api/logout", auth::logout);
        app.get("/api/me", ctx -> {
            ConsoleUser u = Auth.user(ctx);
            ctx.json(Map.of("user", u.name(), "role", u.role().name().toLowerCase()));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(backend.metrics().scrape()));
        new TransactionRoutes(backend).register(app);
        new OperationRoutes(backend, audit, settings).register(app);
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            app.stop();
            throw new ConsoleStartException("console: cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + rootMessage(e), e);
        }
        LOG.info("console listening on {}://{}:{}/", tls == null ? "http" : "https",
                settings.host(), app.port());
        return new ConsoleServer(app);
    }

    /**
     * The one connector when the console has a certificate: TLS 1.3 or 1.2, no plain HTTP.
     * Browsers check the host name against the certificate themselves; the server does not
     * refuse a request whose Host the certificate does not name (an IP address, a proxy).
     */
    private static Connector https(Server server, HttpConfiguration http,
            ConsoleSettings settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(settings.tls().keyStore());
        ssl.setKeyStorePassword(new String(ConsoleTls.KEY_STORE_PASSWORD));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    private static void errors(Javalin app) {
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400)
                .json(Map.of("error", e.getMessage())));
        app.exception(NotFound.class, (e, ctx) -> ctx.status(404)
                .json(Map.of("error", e.getMessage())));
        app.exception(Auth.Forbidden.class, (e, ctx) -> ctx.status(403)
                .json(Map.of("error", e.getMessage())));
        app.exception(Auth.Busy.class, (e, ctx) -> ctx.status(503)
                .json(Map.of("error", e.getMessage())));
        app.exception(Audit.Unavailable.class, (e, ctx) -> ctx.status(503)
                .json(Map.of("error", e.getMessage())));
        app.exception(StoreException.class, (e, ctx) -> ctx.status(503)
                .json(Map.of("error", "store: " + e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(Map.of("error", "internal error; see the switch's log"));
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** The bound port (the configured one, or the one picked for port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The server could not start, e.g. the port is taken. */
    public static final class ConsoleStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConsoleStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
