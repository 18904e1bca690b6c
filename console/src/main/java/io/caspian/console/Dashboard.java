package io.caspian.console;

import io.caspian.store.StoreHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One snapshot for the live dashboard: per direction the running totals (the page turns
 * two snapshots into TPS and approval rate) and latency percentiles of the last minute,
 * the links, and the store.
 */
final class Dashboard {
    private Dashboard() {
    }

    static Map<String, Object> of(ConsoleBackend backend) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", backend.clock().millis());
        body.put("inFlight", backend.inFlight().getAsInt());
        List<Map<String, Object>> directions = new ArrayList<>();
        new TreeMap<>(backend.metrics().directions()).forEach((d, m) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("direction", d);
            v.put("answered", m.answered());
            v.put("approved", (long) m.approved.count());
            v.put("declined", (long) m.declined.count());
            v.put("standIns", (long) m.standIns.count());
            v.put("timeouts", (long) m.timeouts.count());
            v.put("p50Ms", m.percentileMs(0.5));
            v.put("p95Ms", m.percentileMs(0.95));
            v.put("p99Ms", m.percentileMs(0.99));
            directions.add(v);
        });
        body.put("directions", directions);
        body.put("links", backend.links().stream().map(Dashboard::link).toList());
        StoreHealth store = backend.store().health();
        body.put("store", Map.of("status", store.status().name(), "queueDepth",
                store.queueDepth(), "commits", store.commits(), "committed",
                store.committed()));
        return body;
    }

    static Map<String, Object> link(LinkControl l) {
        LinkControl.Counters c = l.counters();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", l.name());
        v.put("state", l.state());
        v.put("signedOn", l.signedOn());
        v.put("messagesIn", c.messagesIn());
        v.put("messagesOut", c.messagesOut());
        v.put("formatErrors", c.formatErrors());
        v.put("refusedSends", c.refusedSends());
        v.put("connects", c.connects());
        v.put("disconnects", c.disconnects());
        v.put("echoTimeouts", c.echoTimeouts());
        v.put("lastEcho", c.lastEchoEpochMs() == 0 ? null
                : Instant.ofEpochMilli(c.lastEchoEpochMs()).toString());
        return v;
    }
}
