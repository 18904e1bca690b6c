package io.caspian.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The web console's files, from the class path: our page, script and style, and uPlot from
 * its webjar (a Maven dependency: nothing is fetched from the internet at run time). Only
 * the files named here are served.
 */
final class Pages {
    private static final String WEB = "io/caspian/console/web/";
    private static final String UPLOT_POM =
            "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final Map<String, String> ASSETS = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "login.js", "text/javascript; charset=utf-8");

    private Pages() {
    }

    static void register(Javalin app) {
        byte[] index = read(WEB + "index.html");
        byte[] login = read(WEB + "login.html");
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        byte[] uplotJs = read(uplot + "uPlot.iife.min.js");
        byte[] uplotCss = read(uplot + "uPlot.min.css");
        app.get("/", ctx -> html(ctx, index));
        app.get("/login", ctx -> html(ctx, login));
        app.get("/assets/uplot.js", ctx -> send(ctx, uplotJs, "text/javascript; charset=utf-8"));
        app.get("/assets/uplot.css", ctx -> send(ctx, uplotCss, "text/css; charset=utf-8"));
        for (Map.Entry<String, String> a : ASSETS.entrySet()) {
            byte[] body = read(WEB + a.getKey());
            app.get("/assets/" + a.getKey(), ctx -> send(ctx, body, a.getValue()));
        }
    }

    private static void html(Context ctx, byte[] body) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:;"
                + " style-src 'self' 'unsafe-inline'");
        ctx.header("X-Frame-Options", "DENY");
        send(ctx, body, "text/html; charset=utf-8");
    }

    private static void send(Context ctx, byte[] body, String type) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type).result(body);
    }

    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = stream(UPLOT_POM)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = stream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the class path: " + resource);
        }
        return in;
    }
}
