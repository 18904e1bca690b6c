package io.caspian.app.demo;

import io.caspian.app.CliException;
import io.caspian.app.config.ConfigException;
import io.caspian.app.config.Settings;
import io.caspian.store.pan.HsmPanProtector;
import io.caspian.app.wiring.Console;
import io.caspian.app.wiring.SwitchNode;
import io.caspian.console.ClearingPort;
import io.caspian.console.ConsoleServer;
import io.caspian.console.Reloader;
import io.caspian.core.flow.SwitchStats;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.link.LinkRuntime;
import io.caspian.link.LinkState;
import io.caspian.store.TransactionRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The whole demo: HSMs and key ceremony, two simulated schemes, the switch, traffic both
 * ways through fault phases, then drain and reconciliation. Returns the exit code: 0 when
 * everything reconciles to the minor unit, 1 when it does not.
 */
final class Demo {
    private static final String MARKER = ".caspian-demo";

    private final PrintWriter out;
    private final Path data;
    private final Duration duration;
    private final int ratePerDirection;
    private final long seed;
    private final DemoConsole console;
    final AtomicBoolean stop = new AtomicBoolean();

    Demo(PrintWriter out, Path data, Duration duration, int ratePerDirection, long seed,
            DemoConsole console) {
        this.out = out;
        this.data = data;
        this.duration = duration;
        this.ratePerDirection = ratePerDirection;
        this.seed = seed;
        this.console = console;
    }

    int run() throws IOException, DialectException, ConfigException, InterruptedException {
        prepareDataDirectory();
        out.println("Caspian demo: Mir and Shetab trading through the switch (models of both"
                + " schemes, on loopback)");
        out.println("data: " + data.toAbsolutePath() + " (recreated on each run)");
        try (LinkRuntime runtime = LinkRuntime.create(1);
                Simulation world = Simulation.start(data, runtime, 60, seed)) {
            out.println("key ceremony:");
            world.ceremony.forEach(line -> out.println("  " + line));
            out.flush();
            SchemeWorld mir = world.mir;
            SchemeWorld shetab = world.shetab;
            SoftwareHsm caspianHsm = world.caspianHsm;
            Settings settings = world.settings();
            Instant start = Instant.now();
            try (SwitchNode node = SwitchNode.start(settings, caspianHsm,
                    new HsmPanProtector(caspianHsm, "pan.data", "pan.lookup"), runtime,
                    Clock.systemUTC())) {
                awaitSignedOn(node);
                DemoClearing dayEnd = new DemoClearing(world, node.store());
                node.engine().useBusinessCalendar(dayEnd.dates::businessDate);
                out.println("links signed on: mir (ISO 8583:1987, BCD/EBCDIC, binary2) and "
                        + "shetab (ISO 8583:2003 style, ASCII, ascii4)");
                try (ConsoleServer server = startConsole(node, settings, dayEnd.consolePort())) {
                    out.println("traffic for " + duration.toSeconds() + " s at "
                            + ratePerDirection + " requests/s each way; Ctrl-C ends early");
                    out.flush();
                    Traffic traffic = new Traffic(mir, shetab, ratePerDirection, seed);
                    runPhases(node, traffic, shetab);
                    traffic.stop();
                    out.println();
                    out.println("draining: waiting for replies, reversals and advices to"
                            + " finish");
                    out.flush();
                    drain(node, mir, shetab);
                    List<TransactionRecord> rows =
                            node.store().createdSince(start.minusSeconds(1));
                    int reconciled = Summary.print(out, node.engine().stats(), rows, mir,
                            shetab);
                    int cleared = dayEnd.run(out, rows, mir, shetab, node);
                    linger(server);
                    return Math.max(reconciled, cleared);
                }
            }
        }
    }

    /** The console over the demo's switch, or null when turned off; prints the login. */
    private ConsoleServer startConsole(SwitchNode node, Settings settings,
            ClearingPort clearing) {
        if (!console.enabled()) {
            out.println("console: off (--http-port -1)");
            return null;
        }
        String password = console.passwordOrRandom();
        Reloader reloader = () -> {
            String[] refused = new String[1];
            node.thread().runAndWait(() -> refused[0] = node.engine().reload(
                    settings.switchSettings()));
            return refused[0];
        };
        ConsoleServer server;
        try {
            server = Console.start(node, console.settings(password), reloader,
                    clearing, Clock.systemUTC());
        } catch (ConsoleServer.ConsoleStartException e) {
            throw new CliException(e.getMessage() + "; choose another with --http-port (0:"
                    + " any free port, -1: no console)");
        }
        out.println("console: http://" + console.host() + ":" + server.port() + "/  user "
                + DemoConsole.USER + "  password " + password
                + "  (admin; a new password each run)");
        out.println("         Prometheus: /metrics with the same login (HTTP Basic);"
                + " health: /health");
        return server;
    }

    /** With --linger: the switch and console stay up after the summary until Ctrl-C. */
    private void linger(ConsoleServer server) throws InterruptedException {
        if (server == null || !console.linger()) {
            return;
        }
        out.println();
        out.println("--linger: the console stays up on port " + server.port()
                + " with the demo's transactions; Ctrl-C ends");
        out.flush();
        while (!stop.get()) {
            Thread.sleep(200);
        }
    }

    private void runPhases(SwitchNode node, Traffic traffic, SchemeWorld shetab)
            throws InterruptedException {
        long totalMs = duration.toMillis();
        long started = System.currentTimeMillis();
        Phases phases = new Phases(totalMs, shetab);
        traffic.start();
        Progress progress = new Progress(out, node.engine().stats());
        while (!stop.get()) {
            long elapsed = System.currentTimeMillis() - started;
            if (elapsed >= totalMs) {
                break;
            }
            phases.at(elapsed);
            Thread.sleep(Math.min(1_000, totalMs - elapsed));
            progress.print(System.currentTimeMillis() - started, phases.name(),
                    node.links().get("shetab").state() == LinkState.SIGNED_ON);
        }
        phases.end();
    }

    private void drain(SwitchNode node, SchemeWorld mir, SchemeWorld shetab)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            int[] owed = new int[2];
            node.thread().runAndWait(() -> {
                owed[0] = node.engine().inFlight();
                owed[1] = node.engine().owedCount();
            });
            boolean acquirersIdle = mir.simulator.acquirer().inFlight() == 0
                    && shetab.simulator.acquirer().inFlight() == 0;
            if (owed[0] == 0 && owed[1] == 0 && acquirersIdle) {
                return;
            }
            Thread.sleep(200);
        }
        out.println("drain did not finish within 30 s; the summary shows where");
    }

    private void awaitSignedOn(SwitchNode node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (node.links().values().stream()
                    .allMatch(l -> l.state() == LinkState.SIGNED_ON)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("links did not sign on within 15 s");
    }

    /** Recreates the demo's directory; refuses to delete one the demo did not create. */
    private void prepareDataDirectory() throws IOException {
        if (Files.exists(data)) {
            if (!Files.exists(data.resolve(MARKER))) {
                throw new IOException(data + " exists and is not a demo directory; choose "
                        + "another with --data");
            }
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "created by caspian demo\n");
    }

    static SwitchStats statsOf(SwitchNode node) {
        return node.engine().stats();
    }
}
