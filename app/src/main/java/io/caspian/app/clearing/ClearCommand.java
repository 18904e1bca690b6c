package io.caspian.app.clearing;

import io.caspian.clearing.ClearingFile;
import io.caspian.clearing.CurrencyTotals;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caspian clear --date D [--scheme S]}: write the clearing files of a date. */
@Command(name = "clear", mixinStandardHelpOptions = true,
        description = "Write each scheme's clearing file for a closed business date (or "
                + "rebuild it, byte for byte, if it was sent before). See docs/clearing.md.")
public final class ClearCommand extends ClearingCommand {
    @Option(names = "--date", required = true, paramLabel = "D",
            description = "Business date, e.g. 2026-11-25.")
    String date;

    @Option(names = "--scheme", paramLabel = "S", description = "One scheme (default: all).")
    String scheme;

    @Override
    Integer execute() {
        LocalDate d = ClearingRun.date(date);
        PrintWriter out = out();
        try (ClearingRun run = store.open()) {
            List<ClearingFile> files = scheme == null ? run.clearing.clearAll(d)
                    : List.of(run.clearing.clear(scheme, d));
            for (ClearingFile f : files) {
                print(out, run, f);
            }
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, ClearingRun run, ClearingFile f) {
        out.printf("%s %s: %s%n", f.scheme(), f.businessDate(), f.rerun()
                ? "sent before; rebuilt identically" : "written");
        out.printf("  file    %s%n", f.path());
        out.printf("  sha256  %s%n", f.sha256());
        out.printf("  records %d (%d late from earlier dates)%n", f.recordCount(),
                f.lateRecords());
        for (CurrencyTotals t : f.totals()) {
            String ccy = Text.alpha(run.settings, t.currency());
            out.printf("  %-4s %6d records  debits %s  credits %s  net %s  interchange %s"
                    + "  switch fees %s%n", ccy, t.count(), Text.major(t.debitMinor(),
                            t.exponent()), Text.major(t.creditMinor(), t.exponent()),
                    Text.major(t.netMinor(), t.exponent()),
                    Text.major(t.interchangeMinor(), t.exponent()),
                    Text.major(t.switchFeeMinor(), t.exponent()));
        }
    }
}
