package io.caspian.app.bench;

import io.caspian.app.config.ConfigException;
import io.caspian.app.config.Settings;
import io.caspian.app.demo.SchemeWorld;
import io.caspian.app.demo.Simulation;
import io.caspian.store.pan.HsmPanProtector;
import io.caspian.app.wiring.SwitchNode;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.link.LinkRuntime;
import io.caspian.link.LinkState;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.TrafficGenerator;
import io.caspian.sim.acquirer.TrafficMix;
import io.caspian.store.StoreHealth;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One bench run: the simulated world, optionally the floor (each issuer simulator driven
 * straight), then the switch between the simulators, each direction and mode in turn.
 */
final class Bench {
    /**
     * Cards per scheme: with the purchase mix's small amounts, enough that a long run with
     * the floor never runs a balance dry (a dry card is a fast decline, not a purchase).
     */
    private static final int CARDS = 500;
    private static final long QUIET_WAIT_MS = 15_000;

    private final PrintWriter out;
    private final BenchPlan plan;
    private final List<Row> rows = new ArrayList<>();

    Bench(PrintWriter out, BenchPlan plan) {
        this.out = out;
        this.plan = plan;
    }

    void run() throws IOException, DialectException, ConfigException, InterruptedException {
        BenchData.prepare(plan.data());
        out.printf("caspian bench: %s, %d cores, JDK %s, %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                describe());
        out.flush();
        try (LinkRuntime runtime = LinkRuntime.create(plan.ioThreads());
                Simulation world = Simulation.start(plan.data(), runtime, CARDS, plan.seed())) {
            if (plan.floor()) {
                floor(world, runtime);
            }
            throughSwitch(world, runtime);
        }
        out.println();
        ResultTable.print(out, rows);
        out.flush();
    }

    private String describe() {
        String work = plan.requests() > 0 ? plan.requests() + " requests"
                : plan.measureMs() / 1000.0 + " s";
        return "store " + plan.store() + (plan.journalFsync() ? " (journal fsync)" : "")
                + ", mix " + plan.mix().name().toLowerCase()
                + (plan.mix() == BenchPlan.Mix.PURCHASE ? " (PIN on " + plan.pinFraction()
                        + " of POS)" : "")
                + ", warm-up " + plan.warmupMs() / 1000.0 + " s, measured " + work
                + " per run, " + plan.ioThreads() + " I/O thread(s); per-card daily velocity"
                + " limits raised to " + BenchSettings.DAILY_COUNT_MAX + " (still checked)";
    }

    /** Each issuer simulator alone: an on-us acquirer connected straight to it. */
    private void floor(Simulation world, LinkRuntime runtime) throws InterruptedException {
        for (Direction d : plan.directions()) {
            SchemeWorld issuer = world(world, d.issuer);
            try (FloorClient client = FloorClient.connect(issuer, world.schemesHsm, runtime,
                    plan.seed())) {
                for (Mode m : plan.modes()) {
                    TrafficGenerator traffic = traffic(issuer, issuer, m);
                    measure("floor", m, "->" + d.issuer, client.acquirer, traffic);
                }
            }
            // The simulator takes one connection: let it see this one close.
            Thread.sleep(300);
        }
    }

    private void throughSwitch(Simulation world, LinkRuntime runtime)
            throws IOException, ConfigException, InterruptedException {
        Settings settings = BenchSettings.of(world, plan);
        try (SwitchNode node = SwitchNode.start(settings, world.caspianHsm,
                new HsmPanProtector(world.caspianHsm, settings.panDataKey(), settings.panHashKey()),
                runtime, Clock.systemUTC())) {
            awaitSignedOn(node);
            node.recordMessages(plan.recordMessages());
            for (Direction d : plan.directions()) {
                SchemeWorld acquirer = world(world, d.acquirer);
                for (Mode m : plan.modes()) {
                    Map<String, Long> before = node.engine().stats().snapshot();
                    TrafficGenerator traffic = traffic(acquirer, world(world, d.issuer), m);
                    StoreHealth storeBefore = node.store().health();
                    try (Occupancy inside = new Occupancy(node.engine()::inFlight)) {
                        Row row = measure("switch", m, d.label(),
                                acquirer.simulator.acquirer(), traffic);
                        double tps = row.run().throughputPerSecond();
                        out.printf("  inside the switch: %.1f requests on average, so %.2f ms"
                                + " of each request's time (Little's law)%n", inside.mean(),
                                tps == 0 ? 0 : inside.mean() / tps * 1000);
                    }
                    printCommits(storeBefore, node.store().health());
                    awaitEngineIdle(node);
                    SwitchCounters.printChanges(out, before, node.engine().stats().snapshot());
                }
            }
        }
    }

    private Row measure(String target, Mode mode, String direction, Acquirer acquirer,
            TrafficGenerator traffic) throws InterruptedException {
        String label = mode == Mode.CLOSED ? "closed " + plan.inFlight()
                : "open " + plan.ratePerSecond() + "/s";
        out.printf("%s %s %s: warming up %.1f s, then measuring...%n", target, label,
                direction, plan.warmupMs() / 1000.0);
        out.flush();
        LoadDriver driver = new LoadDriver(acquirer, traffic, plan);
        LoadDriver.Run run = mode == Mode.CLOSED ? driver.closedLoop() : driver.openLoop();
        Row row = new Row(target, label, direction, run);
        rows.add(row);
        ResultTable.line(out, row);
        out.println("  " + run.cpu().perRequest(run.tally().completed()));
        out.flush();
        awaitQuiet(acquirer);
        return row;
    }

    /** Group commit over the run (warm-up and drain included): how many, how full. */
    private void printCommits(StoreHealth before, StoreHealth after) {
        long commits = after.commits() - before.commits();
        long committed = after.committed() - before.committed();
        out.printf("  store: %d commits of %d submissions, %.1f per commit; %d failed%n",
                commits, committed, commits == 0 ? 0 : (double) committed / commits,
                after.failed() - before.failed());
    }

    /** Purchases from the acquirer's terminals with the issuer's cards. */
    private TrafficGenerator traffic(SchemeWorld acquirer, SchemeWorld issuer, Mode mode) {
        boolean rub = acquirer.id.equals("mir");
        TrafficMix mix;
        if (plan.mix() == BenchPlan.Mix.RETAIL) {
            // The demo's amounts: 10.00-3,000.00 RUB; 20,000-2,000,000 IRR.
            mix = rub ? TrafficMix.retail(1_000, 300_000) : TrafficMix.retail(20_000, 2_000_000);
        } else {
            // Small amounts (1.00-5.00 RUB; 1,000-5,000 IRR, about 2-11 RUB once
            // converted) so no balance runs dry; the amount does not change the cost.
            long min = rub ? 100 : 1_000;
            mix = new TrafficMix(1, 0, 0, 0, 0, 0, min, min * 5, plan.pinFraction(), 0);
        }
        long seed = plan.seed() * 31 + acquirer.id.hashCode() + mode.ordinal();
        return new TrafficGenerator(acquirer.terminals, issuer.cards, mix, new Random(seed));
    }

    private static SchemeWorld world(Simulation world, String id) {
        return id.equals("mir") ? world.mir : world.shetab;
    }

    /** Waits for the acquirer's reversals and repeats to finish before the next run. */
    private static void awaitQuiet(Acquirer acquirer) throws InterruptedException {
        long deadline = System.currentTimeMillis() + QUIET_WAIT_MS;
        while (acquirer.inFlight() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void awaitEngineIdle(SwitchNode node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + QUIET_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            int[] owed = new int[2];
            node.thread().runAndWait(() -> {
                owed[0] = node.engine().inFlight();
                owed[1] = node.engine().owedCount();
            });
            if (owed[0] == 0 && owed[1] == 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static void awaitSignedOn(SwitchNode node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + QUIET_WAIT_MS;
        while (!node.links().values().stream().allMatch(l -> l.state() == LinkState.SIGNED_ON)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the switch's links did not sign on within 15 s");
            }
            Thread.sleep(20);
        }
    }
}
