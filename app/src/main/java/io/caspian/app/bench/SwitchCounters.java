package io.caspian.app.bench;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The switch's own counters that explain a run's declines and errors (overload, store
 * failures, issuer timeouts, decline reasons), printed as what changed during the run.
 */
final class SwitchCounters {
    private static final Set<String> NOTABLE = Set.of("overload_declines",
            "queue_wait_declines", "store_failures",
            "timeouts", "replies_not_sent", "approvals_undelivered", "format_errors",
            "duplicates");

    private SwitchCounters() {
    }

    static void printChanges(PrintWriter out, Map<String, Long> before,
            Map<String, Long> after) {
        StringJoiner changes = new StringJoiner(", ");
        after.forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0 && (NOTABLE.contains(name) || name.startsWith("declined."))) {
                changes.add(name + "=" + delta);
            }
        });
        if (changes.length() > 0) {
            out.println("  switch counters: " + changes);
        }
    }
}
