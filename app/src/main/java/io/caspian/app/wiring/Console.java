package io.caspian.app.wiring;

import io.caspian.console.ClearingPort;
import io.caspian.console.ConsoleBackend;
import io.caspian.console.ConsoleServer;
import io.caspian.console.ConsoleSettings;
import io.caspian.console.LinkControl;
import io.caspian.console.Reloader;
import io.caspian.hsm.Pan;
import java.time.Clock;
import java.util.List;

/** Starts the console over a running switch node. */
public final class Console {
    private Console() {
    }

    /**
     * @param clearing business dates and settlement; {@link ClearingPort#NONE} until the
     *     clearing module is wired here
     * @throws ConsoleServer.ConsoleStartException when the port cannot be bound
     */
    public static ConsoleServer start(SwitchNode node, ConsoleSettings settings,
            Reloader reloader, ClearingPort clearing, Clock clock) {
        List<LinkControl> links = node.links().entrySet().stream()
                .map(e -> (LinkControl) new LinkControls(e.getKey(), e.getValue())).toList();
        ConsoleBackend backend = new ConsoleBackend(node.store(), node.engine().stats(),
                node.engine()::inFlight, links, pan -> node.pans().lookupHash(Pan.of(pan)),
                reloader, clearing, node.metrics(), clock);
        node.recordMessages(settings.recordMessages());
        return ConsoleServer.start(settings, backend);
    }
}
