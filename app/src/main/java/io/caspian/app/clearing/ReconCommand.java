package io.caspian.app.clearing;

import io.caspian.clearing.ReconReport;
import io.caspian.clearing.ReconReport.Difference;
import io.caspian.clearing.ReconReport.SchemeRecon;
import java.io.PrintWriter;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caspian recon --date D}: clearing against the store, transaction by transaction. */
@Command(name = "recon", mixinStandardHelpOptions = true,
        description = "Compare a date's clearing files with the store transaction by "
                + "transaction and report every difference. Exit 1 if any.")
public final class ReconCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--date", required = true, paramLabel = "D",
            description = "Business date, e.g. 2026-11-25.")
    String date;

    @Override
    public Integer call() {
        return ClearingRun.oneLineErrors(this::execute);
    }

    private Integer execute() {
        PrintWriter out = spec.commandLine().getOut();
        try (ClearingRun run = store.open()) {
            ReconReport r = run.reconciler.reconcile(ClearingRun.date(date));
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
            }
            out.println(r.reconciled() ? "RECONCILED: every transaction is in clearing once,"
                    + " totals agree to the minor unit" : "NOT RECONCILED: see DIFFERENCE lines");
            out.flush();
            return r.reconciled() ? 0 : 1;
        }
    }
}
