package io.caspian.console;

import io.caspian.core.flow.SwitchStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The engine's own switch-wide counters ({@link SwitchStats}) as
 * {@code caspian_engine_events_total{event=...}}: timeouts, reversals received, stand-ins,
 * late responses, duplicates, format errors and the rest.
 */
final class EngineCounters {
    /** The events exported; SwitchStats names them. */
    static final List<String> EVENTS = List.of("timeouts", "late_responses", "late_approvals",
            "reversals_received", "duplicate_reversals", "reversals_not_forwarded",
            "stood_in", "stand_in_declined", "advices_acknowledged", "approvals_undelivered",
            "duplicates", "format_errors", "mac_failures", "overload_declines",
            "store_failures", "replies_not_sent", "key_changes", "reloads");

    private EngineCounters() {
    }

    static void bind(MeterRegistry registry, SwitchStats stats) {
        for (String event : EVENTS) {
            FunctionCounter.builder("caspian.engine.events", stats, s -> s.get(event))
                    .tag("event", event).description("Engine events since start")
                    .register(registry);
        }
    }
}
