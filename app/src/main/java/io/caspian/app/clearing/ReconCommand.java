package io.caspian.app.clearing;

import io.caspian.clearing.ReconExchange;
import io.caspian.clearing.ReconReport;
import io.caspian.clearing.ReconReport.Difference;
import io.caspian.clearing.ReconReport.SchemeRecon;
import io.caspian.store.ReconExchangeRow;
import java.io.PrintWriter;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caspian recon --date D}: clearing against the store, transaction by transaction,
 * and the last reconciliation messages exchanged with each scheme for the date.
 */
@Command(name = "recon", mixinStandardHelpOptions = true,
        description = "Compare a date's clearing files with the store transaction by "
                + "transaction, show the last reconciliation messages with each scheme, and"
                + " report every difference. Exit 1 if any, or if a scheme was out of balance.")
public final class ReconCommand extends ClearingCommand {
    @Option(names = "--date", required = true, paramLabel = "D",
            description = "Business date, e.g. 2026-11-25.")
    String date;

    private boolean exchanged;

    /**
     * The scheme's last reconciliation exchange (0500/0510, 2520/2530) for the date, if
     * any: its outcome, both sides' nets and the difference report. False when it was not
     * in balance.
     */
    private boolean exchange(PrintWriter out, ClearingRun run, String scheme,
            java.time.LocalDate day) {
        ReconExchangeRow x = run.store.clearing().lastReconExchange(scheme, day)
                .orElse(null);
        if (x == null) {
            out.printf("    reconciliation messages: none exchanged with %s for %s%n", scheme,
                    day);
            return true;
        }
        exchanged = true;
        int exponent = Text.exponent(run.settings, x.currency());
        long ours = net(x.ours());
        out.printf("    reconciliation messages %s: %s; net ours %s, %s's %s %s%n",
                x.exchangedAt(), x.outcome(), Text.major(ours, exponent), scheme,
                x.theirs() == null ? "-" : Text.major(net(x.theirs()), exponent),
                Text.alpha(run.settings, x.currency()));
        if (!x.differences().isEmpty()) {
            for (String d : x.differences().split("\n")) {
                out.printf("    DIFFERENCE (scheme): %s%n", d);
            }
        }
        return ReconExchange.IN_BALANCE.equals(x.outcome());
    }

    /** Net debits from the eight totals (debits, reversed, credits, reversed; counts first). */
    private static long net(long[] t) {
        return t[1] - t[3] - t[5] + t[7];
    }

    @Override
    Integer execute() {
        PrintWriter out = out();
        try (ClearingRun run = store.open()) {
            ReconReport r = run.reconciler.reconcile(ClearingRun.date(date));
            boolean balanced = true;
            exchanged = false;
            out.printf("reconciliation %s: clearing files against the store%n",
                    r.businessDate());
            for (SchemeRecon s : r.schemes()) {
                out.printf("  %s: store %d records, file %d records%n", s.scheme(),
                        s.storeRecords(), s.fileRecords());
                TreeSet<Integer> currencies = new TreeSet<>(s.storeNet().keySet());
                currencies.addAll(s.fileNet().keySet());
                for (int c : currencies) {
                    long st = s.storeNet().getOrDefault(c, 0L);
                    long fi = s.fileNet().getOrDefault(c, 0L);
                    int exponent = Text.exponent(run.settings, c);
                    out.printf("    %s net: store %s, clearing %s   %s%n",
                            Text.alpha(run.settings, c), Text.major(st, exponent),
                            Text.major(fi, exponent), st == fi ? "ok" : "MISMATCH");
                }
                for (Difference d : s.late()) {
                    out.printf("    late: %s %s%n", d.transactionId(), d.what());
                }
                for (Difference d : s.differences()) {
                    out.printf("    DIFFERENCE: %s %s%n", d.transactionId(), d.what());
                }
                balanced &= exchange(out, run, s.scheme(), r.businessDate());
            }
            boolean ok = r.reconciled() && balanced;
            out.println(ok ? "RECONCILED: every transaction is in clearing once, totals agree"
                    + " to the minor unit" + (exchanged ? " and with the schemes" : "")
                    : "NOT RECONCILED: see DIFFERENCE lines");
            out.flush();
            return ok ? 0 : 1;
        }
    }
}
