package io.caspian.app.demo;

import io.caspian.core.flow.SwitchStats;
import java.io.PrintWriter;

/** The live line: requests per second each way, outcomes so far, p99 latency, phase. */
final class Progress {
    private final PrintWriter out;
    private final SwitchStats stats;
    private long lastMir;
    private long lastShetab;
    private long lastMs;
    private String lastPhase = "";

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
        out.printf("\r%4ds  mir>shetab %4.0f/s  shetab>mir %4.0f/s  approved %6d  declined %5d"
                + "  reversed %4d  stand-in %4d  p99 %5.1f ms  shetab link %s   ",
                elapsedMs / 1000, (mir - lastMir) / seconds, (shetab - lastShetab) / seconds,
                stats.get("approved"), stats.get("declined"), stats.get("reversed"),
                stats.get("stood_in"), stats.latencyQuantileMicros(0.99) / 1000.0,
                shetabUp ? "up" : "DOWN");
        out.flush();
        lastMir = mir;
        lastShetab = shetab;
        lastMs = elapsedMs;
    }
}
