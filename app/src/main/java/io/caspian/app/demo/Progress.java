package io.caspian.app.demo;

import io.caspian.core.flow.SwitchStats;
import java.io.PrintWriter;

/**
 * The live line: requests per second each way, outcomes so far, the p99 latency of the
 * requests answered since the last line (a whole-run figure would keep the first seconds'
 * cold start and every fault phase for good), phase.
 */
final class Progress {
    private final PrintWriter out;
    private final SwitchStats stats;
    private long lastMir;
    private long lastShetab;
    private long lastMs;
    private String lastPhase = "";
    private long[] lastLatency;

    Progress(PrintWriter out, SwitchStats stats) {
        this.out = out;
        this.stats = stats;
    }

    void print(long elapsedMs, String phase, boolean shetabUp) {
        if (!phase.equals(lastPhase)) {
            out.println();
            out.println("-- " + phase);
            lastPhase = phase;
        }
        long mir = stats.get("answered.mir");
        long shetab = stats.get("answered.shetab");
        double seconds = Math.max(0.001, (elapsedMs - lastMs) / 1000.0);
        long[] latency = stats.latencyCounts();
        long[] recent = latency.clone();
        for (int i = 0; lastLatency != null && i < recent.length; i++) {
            recent[i] -= lastLatency[i];
        }
        long p99Micros = SwitchStats.quantileMicros(recent, 0.99);
        out.printf("\r%4ds  mir>shetab %4.0f/s  shetab>mir %4.0f/s  approved %6d  declined %5d"
                + "  reversed %4d  stand-in %4d  p99 %s  shetab link %s   ",
                elapsedMs / 1000, (mir - lastMir) / seconds, (shetab - lastShetab) / seconds,
                stats.get("approved"), stats.get("declined"), stats.get("reversed"),
                stats.get("stood_in"), p99Micros == 0 ? "      - " : String.format(
                        "%5.1f ms", p99Micros / 1000.0),
                shetabUp ? "up" : "DOWN");
        out.flush();
        lastMir = mir;
        lastShetab = shetab;
        lastMs = elapsedMs;
        lastLatency = latency;
    }
}
