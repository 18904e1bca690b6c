package io.caspian.console;

import io.caspian.store.StoreHealth;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness and readiness, without a login. Live: the process answers. Ready: the store
 * commits (without it every new request is declined). Links are reported, not required: a
 * scheme being down is the switch working as designed (stand-in, store-and-forward).
 */
final class Health {
    private final ConsoleBackend backend;

    Health(ConsoleBackend backend) {
        this.backend = backend;
    }

    void register(Javalin app) {
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", this::ready);
        app.get("/health", this::ready);
    }

    private void ready(Context ctx) {
        StoreHealth store = backend.store().health();
        boolean ready = store.isUp() && backend.store().isCommitterAlive();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("live", true);
        body.put("ready", ready);
        Map<String, Object> storeView = new LinkedHashMap<>();
        storeView.put("status", store.status().name());
        storeView.put("since", Views.time(store.since()));
        storeView.put("committerAlive", backend.store().isCommitterAlive());
        body.put("store", storeView);
        Map<String, String> links = new LinkedHashMap<>();
        backend.links().forEach(l -> links.put(l.name(), l.state()));
        body.put("links", links);
        ctx.status(ready ? 200 : 503).json(body);
    }
}
