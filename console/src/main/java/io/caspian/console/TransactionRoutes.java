package io.caspian.console;

import io.caspian.store.TransactionRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Transaction search, one transaction, and its trace. Any role. */
final class TransactionRoutes {
    private final ConsoleBackend backend;

    TransactionRoutes(ConsoleBackend backend) {
        this.backend = backend;
    }

    void register(Javalin app) {
        app.get("/api/transactions", this::searchByQuery);
        app.post("/api/transactions/search", this::searchByBody);
        app.get("/api/transactions/{id}", ctx -> ctx.json(Views.Transaction.of(find(ctx))));
        app.get("/api/transactions/{id}/trace",
                ctx -> ctx.json(Trace.of(backend.store(), find(ctx))));
    }

    private void searchByQuery(Context ctx) {
        if (ctx.queryParam("pan") != null) {
            throw new BadRequest("a full PAN never goes in a URL: POST it to"
                    + " /api/transactions/search as {\"pan\": ...}");
        }
        Map<String, String> params = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        answer(ctx, params, null);
    }

    private void searchByBody(Context ctx) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Bodies.read(ctx, Map.class);
        if (body == null) {
            throw new BadRequest("send the criteria as a JSON object");
        }
        Map<String, String> params = new HashMap<>();
        String pan = null;
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String value = e.getValue() == null ? null : String.valueOf(e.getValue());
            if (e.getKey().equals("pan")) {
                pan = value;
            } else {
                params.put(e.getKey(), value);
            }
        }
        answer(ctx, params, pan);
    }

    private void answer(Context ctx, Map<String, String> params, String pan) {
        List<TransactionRecord> rows = backend.store().search(
                SearchRequest.parse(params, pan, backend.pans()));
        ctx.json(Map.of("count", rows.size(), "transactions",
                rows.stream().map(Views.Transaction::of).toList()));
    }

    private TransactionRecord find(Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'" + ctx.pathParam("id") + "' is not a transaction id");
        }
        return backend.store().findById(id)
                .orElseThrow(() -> new NotFound("no transaction " + id));
    }
}
