package io.caspian.app.demo;

import io.caspian.core.flow.SwitchStats;
import io.caspian.store.TransactionRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The end of the demo: what happened, and whether every side agrees to the minor unit. */
final class Summary {
    private Summary() {
    }

    static int print(PrintWriter out, SwitchStats stats, List<TransactionRecord> rows,
            SchemeWorld mir, SchemeWorld shetab) {
        out.println();
        out.println("summary");
        out.printf("  answered %d: approved %d (stand-in %d), declined %d; issuer timeouts %d,"
                + " reversals delivered %d, advices delivered %d, late approvals reversed %d,"
                + " duplicates %d%n", stats.get("answered.mir") + stats.get("answered.shetab"),
                stats.get("approved"), stats.get("stood_in"), stats.get("declined"),
                stats.get("timeouts"), stats.get("reversed"), stats.get("advised"),
                stats.get("late_approvals"), stats.get("duplicates"));
        out.printf("  follow-ups from acquirers: completion advices %d (acknowledged %d),"
                + " partial reversals %d (forwarded %d), acquirer reversals in all %d%n",
                mir.simulator.acquirer().stats().completionsSent()
                        + shetab.simulator.acquirer().stats().completionsSent(),
                stats.get("completions_received"),
                mir.simulator.acquirer().stats().partialReversalsSent()
                        + shetab.simulator.acquirer().stats().partialReversalsSent(),
                stats.get("partial_reversals"), stats.get("reversals_received"));
        StringBuilder declines = new StringBuilder();
        for (Map.Entry<String, Long> e : stats.snapshot().entrySet()) {
            if (e.getKey().startsWith("declined.")) {
                declines.append(' ').append(e.getKey().substring(9)).append('=')
                        .append(e.getValue());
            }
        }
        out.println("  declines by reason:" + declines);
        out.printf("  MACs on both links: failures at the switch %d, at the mir host %d, at the"
                + " shetab host %d%n", stats.get("mac_failures"),
                mir.simulator.macFailures(), shetab.simulator.macFailures());
        out.printf("  latency (request in to reply out, switch only): p50 <= %.1f ms, "
                + "p99 <= %.1f ms%n", stats.latencyQuantileMicros(0.5) / 1000.0,
                stats.latencyQuantileMicros(0.99) / 1000.0);
        out.println();
        out.println("reconciliation (net of refunds and reversals, minor units)");
        boolean ok = direction(out, rows, mir, shetab, 643, 364, "RUB", "IRR");
        ok &= direction(out, rows, shetab, mir, 364, 643, "IRR", "RUB");
        out.println(ok ? "RECONCILED: acquirers, switch and issuers agree to the minor unit"
                : "NOT RECONCILED: see the lines marked MISMATCH");
        out.flush();
        return ok ? 0 : 1;
    }

    private static boolean direction(PrintWriter out, List<TransactionRecord> rows,
            SchemeWorld acquirer, SchemeWorld issuer, int acqCcy, int issCcy, String acqName,
            String issName) {
        Reconciliation.Stored s = Reconciliation.stored(rows, acquirer.id, issuer.id);
        long seen = acquirer.simulator.acquirer().stats().netApprovedDebitsMinor(acqCcy);
        long ledger = issuer.simulator.issuer().ledger().netDebitsMinor(issCcy);
        boolean acqOk = seen == s.acquirerNetMinor();
        boolean issOk = ledger == s.issuerNetMinor();
        out.printf("  %s cards at %s terminals (%s>%s): %d approvals stored%n", issuer.id,
                acquirer.id, acquirer.id, issuer.id, s.approvals());
        out.printf("    acquirer saw %,d %s, switch stored %,d %s   %s%n", seen, acqName,
                s.acquirerNetMinor(), acqName, acqOk ? "ok" : "MISMATCH");
        out.printf("    switch stored %,d %s, issuer ledger %,d %s   %s%n",
                s.issuerNetMinor(), issName, ledger, issName, issOk ? "ok" : "MISMATCH");
        return acqOk && issOk;
    }
}
