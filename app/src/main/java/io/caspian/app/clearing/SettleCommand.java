package io.caspian.app.clearing;

import io.caspian.clearing.SettlementReport;
import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.ClearingRows.PrefundCredit;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caspian settle --date D}: net settlement of a business date. */
@Command(name = "settle", mixinStandardHelpOptions = true,
        description = "Net settlement of a business date: clears it if needed, prints each "
                + "participant's position and writes the CSV and HTML reports. Exit 1 if the "
                + "positions do not net to zero.")
public final class SettleCommand extends ClearingCommand {
    @Option(names = "--date", required = true, paramLabel = "D",
            description = "Business date, e.g. 2026-11-25.")
    String date;

    @Override
    Integer execute() {
        PrintWriter out = out();
        try (ClearingRun run = store.open()) {
            SettlementReport r = run.settlement.settle(ClearingRun.date(date));
            out.printf("settlement %s%s (positive: receives, negative: pays)%n",
                    r.businessDate(), r.rerun() ? ", settled before" : "");
            out.printf("  %-8s %-4s %22s %16s %14s %22s%n", "", "", "transactions",
                    "interchange", "switch fee", "net");
            for (PositionRow p : r.positions()) {
                out.printf("  %-8s %-4s %22s %16s %14s %22s%n", p.participant(),
                        Text.alpha(run.settings, p.currency()),
                        Text.major(p.transactionsMinor(), p.exponent()),
                        Text.major(p.interchangeMinor(), p.exponent()),
                        Text.major(p.switchFeeMinor(), p.exponent()),
                        Text.major(p.netMinor(), p.exponent()));
            }
            for (Map.Entry<Integer, Long> e : r.netPerCurrency().entrySet()) {
                out.printf("  %s positions sum to %d   %s%n",
                        Text.alpha(run.settings, e.getKey()), e.getValue(),
                        e.getValue() == 0 ? "ok" : "DOES NOT NET");
            }
            for (PrefundCredit c : r.prefundCredits()) {
                out.printf("  prefunded position of %s credited %s %s (its cardholders' net"
                        + " spending abroad)%n", c.scheme(), Text.major(c.amountMinor(),
                                run.settings.scheme(c.scheme()).exponent()),
                        Text.alpha(run.settings, c.currency()));
            }
            out.printf("  report  %s%n  report  %s%n", r.csv(), r.html());
            out.println(r.netsToZero() ? "SETTLED: positions net to zero in every currency"
                    : "NOT SETTLED: positions do not net to zero");
            out.flush();
            return r.netsToZero() ? 0 : 1;
        }
    }
}
