package io.caspian.app.clearing;

import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caspian cutover}: close schemes' current business dates now. */
@Command(name = "cutover", mixinStandardHelpOptions = true,
        description = "Cut over: close the current business date of a scheme (or of all) and "
                + "open the next; transactions from now on belong to it. With --show, only "
                + "print each scheme's current date.")
public final class CutOverCommand extends ClearingCommand {
    @Option(names = "--scheme", paramLabel = "S", description = "One scheme (default: all).")
    String scheme;

    @Option(names = "--show", description = "Print the current dates; change nothing.")
    boolean show;

    @Option(names = "--operator", defaultValue = "${sys:user.name}",
            description = "Who, for the audit trail (default: the OS user).")
    String operator;

    @Override
    Integer execute() {
        var out = out();
        try (ClearingRun run = store.open()) {
            List<String> schemes = scheme == null ? List.copyOf(run.settings.schemes().keySet())
                    : List.of(run.settings.scheme(scheme).scheme());
            for (String s : schemes) {
                if (show) {
                    out.printf("%-8s business date %s%n", s, run.dates.current(s));
                } else {
                    LocalDate open = run.dates.cutOver(s, operator, "caspian cutover");
                    out.printf("%-8s closed %s, now in %s%n", s, open.minusDays(1), open);
                }
            }
        }
        out.flush();
        return 0;
    }
}
