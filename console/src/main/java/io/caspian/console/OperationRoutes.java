package io.caspian.console;

import io.caspian.store.AuditEntry;
import io.caspian.store.SafKind;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashboard, links, store-and-forward, stand-in, business dates, settlement, reload, audit.
 * Reading needs any role; actions need operator and are on the audit trail before they run.
 */
final class OperationRoutes {
    private static final int SAF_LIMIT_DEFAULT = 200;

    private final ConsoleBackend backend;
    private final Audit audit;
    private final ConsoleSettings settings;

    OperationRoutes(ConsoleBackend backend, Audit audit, ConsoleSettings settings) {
        this.backend = backend;
        this.audit = audit;
        this.settings = settings;
    }

    void register(Javalin app) {
        app.get("/api/dashboard", ctx -> ctx.json(Dashboard.of(backend)));
        app.get("/api/links", ctx -> ctx.json(backend.links().stream().map(Dashboard::link)
                .toList()));
        app.post("/api/links/{name}/sign-on", ctx -> linkAction(ctx, "LINK_SIGN_ON"));
        app.post("/api/links/{name}/sign-off", ctx -> linkAction(ctx, "LINK_SIGN_OFF"));
        app.post("/api/links/{name}/echo", ctx -> linkAction(ctx, "LINK_ECHO"));
        app.get("/api/saf", this::saf);
        app.get("/api/stand-in", this::standIn);
        app.get("/api/business-dates", ctx -> ctx.json(Map.of("available",
                backend.clearing().available(), "dates", backend.clearing().businessDates()
                        .stream().map(OperationRoutes::businessDate).toList())));
        app.post("/api/business-dates/{scheme}/cut-over", this::cutOver);
        app.get("/api/settlement", ctx -> ctx.json(backend.clearing().settlement(
                date(ctx.queryParam("date")))));
        app.post("/api/reload", this::reload);
        app.get("/api/audit", this::auditTrail);
        app.get("/api/users", ctx -> {
            Auth.require(ctx, Role.ADMIN);
            ctx.json(settings.users().stream().map(u -> Map.of("user", u.name(), "role",
                    u.role().name().toLowerCase())).toList());
        });
    }

    private void linkAction(Context ctx, String action) {
        ConsoleUser u = Auth.require(ctx, Role.OPERATOR);
        LinkControl link = backend.link(ctx.pathParam("name"));
        audit.record(u.name(), action, "link " + link.name(), "state before: " + link.state());
        String result = switch (action) {
            case "LINK_SIGN_ON" -> link.signOn();
            case "LINK_SIGN_OFF" -> link.signOff();
            default -> link.echo();
        };
        ctx.json(Map.of("link", link.name(), "action", action, "result", result));
    }

    /** Dates as ISO text: the JSON mapper has no java.time support. */
    private static Map<String, Object> businessDate(ClearingPort.BusinessDate d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", d.scheme());
        m.put("current", d.current().toString());
        m.put("openedAt", d.openedAt());
        return m;
    }

    private void saf(Context ctx) {
        int limit = SAF_LIMIT_DEFAULT;
        String given = ctx.queryParam("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given);
            } catch (NumberFormatException e) {
                throw new BadRequest("limit must be a whole number");
            }
            if (limit < 1 || limit > 10_000) {
                throw new BadRequest("limit must be 1..10000");
            }
        }
        List<Views.Owed> items = backend.store().pendingSaf(limit).stream().map(Views.Owed::of)
                .toList();
        ctx.json(Map.of("count", items.size(), "items", items));
    }

    private void standIn(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stoodIn", backend.stats().get("stood_in"));
        body.put("declinedByRules", backend.stats().get("stand_in_declined"));
        long advicesOwed = backend.store().pendingSaf(ConsoleMetrics.SAF_COUNT_MAX).stream()
                .filter(s -> s.kind() == SafKind.ADVICE).count();
        body.put("advicesOwed", advicesOwed);
        List<Map<String, Object>> perDirection = new ArrayList<>();
        backend.metrics().directions().forEach((d, m) -> perDirection.add(Map.of(
                "direction", d, "stoodIn", (long) m.standIns.count(),
                "answered", m.answered())));
        body.put("perDirection", perDirection);
        ctx.json(body);
    }

    private void cutOver(Context ctx) {
        ConsoleUser u = Auth.require(ctx, Role.OPERATOR);
        String scheme = ctx.pathParam("scheme");
        audit.record(u.name(), "CUT_OVER", "scheme " + scheme, "requested from the console");
        String refused = backend.clearing().cutOver(scheme, u.name());
        if (refused != null) {
            ctx.status(409).json(Map.of("error", refused));
            return;
        }
        ctx.json(Map.of("scheme", scheme, "cutOver", true));
    }

    private void reload(Context ctx) {
        ConsoleUser u = Auth.require(ctx, Role.OPERATOR);
        audit.record(u.name(), "RELOAD", "routes, rates, screening, limits",
                "requested from the console");
        String refused = backend.reloader().reload();
        if (refused != null) {
            ctx.status(409).json(Map.of("error", refused));
            return;
        }
        ctx.json(Map.of("reloaded", true));
    }

    private void auditTrail(Context ctx) {
        Auth.require(ctx, Role.ADMIN);
        Instant to = ctx.queryParam("to") == null ? backend.clock().instant().plusSeconds(1)
                : date(ctx.queryParam("to")).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        Instant from = ctx.queryParam("from") == null ? to.minusSeconds(7 * 86_400)
                : date(ctx.queryParam("from")).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<AuditEntry> entries = backend.store().auditTrail(from, to);
        ctx.json(entries.stream().map(e -> Map.of("id", e.id().toString(), "at",
                e.at().toString(), "operator", e.operator(), "action", e.action(), "subject",
                e.subject(), "detail", e.detail())).toList());
    }

    private LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.ofInstant(backend.clock().instant(), ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + value + "' is not a date like 2026-11-25");
        }
    }
}
