package io.caspian.app.bench;

import io.caspian.sim.time.LatencyHistogram;
import java.io.PrintWriter;
import java.util.List;

/** The results as a fixed-width table; latencies in milliseconds. */
final class ResultTable {
    private static final String FORMAT =
            "%-7s %-12s %-11s %9s %9s %8s %8s %8s %8s %9s %9s %7s%n";

    private ResultTable() {
    }

    static void header(PrintWriter out) {
        out.printf(FORMAT, "target", "mode", "direction", "requests", "TPS", "p50 ms",
                "p99 ms", "p99.9 ms", "max ms", "approved", "declined", "errors");
    }

    static void line(PrintWriter out, Row row) {
        Tally t = row.run().tally();
        LatencyHistogram h = t.latency;
        out.printf(FORMAT, row.target(), row.mode(), row.direction(), t.completed(),
                String.format("%.0f", row.run().throughputPerSecond()), ms(h.p50()),
                ms(h.p99()), ms(h.p999()), ms(h.max()), t.approved.sum(), t.declined.sum(),
                t.errors() + (row.run().incomplete() ? "!" : ""));
    }

    static void print(PrintWriter out, List<Row> rows) {
        header(out);
        rows.forEach(r -> line(out, r));
        if (rows.stream().anyMatch(r -> r.run().incomplete())) {
            out.println("! the run stalled or some requests never completed");
        }
        out.println("errors = timed out at the acquirer (5 s) + refused by the link"
                + " + failed; latency: closed loop from the send, open loop from the"
                + " scheduled send time");
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
