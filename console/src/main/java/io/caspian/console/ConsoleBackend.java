package io.caspian.console;

import io.caspian.core.flow.SwitchStats;
import io.caspian.store.TransactionStore;
import java.time.Clock;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the console reads and acts on; {@code app} builds it from the running switch.
 *
 * @param store the system of record
 * @param stats the engine's counters
 * @param inFlight requests inside the switch now
 * @param links every scheme link
 * @param pans full PAN to look-up hash
 * @param reloader reloads routes, rates and screening
 * @param clearing business dates, cut-over and settlement
 * @param metrics the registry the engine observer and message tap write to
 * @param clock time for sessions and the audit trail
 */
public record ConsoleBackend(TransactionStore store, SwitchStats stats, IntSupplier inFlight,
        List<LinkControl> links, PanLookup pans, Reloader reloader, ClearingPort clearing,
        ConsoleMetrics metrics, Clock clock) {
    public ConsoleBackend {
        links = List.copyOf(links);
    }

    LinkControl link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("no link '" + name + "'"));
    }
}
