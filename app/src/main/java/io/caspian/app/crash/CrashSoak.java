package io.caspian.app.crash;

import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import io.caspian.app.demo.Simulation;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.link.LinkRuntime;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.acquirer.AcquirerStats;
import io.caspian.sim.issuer.IssuerCounters;
import io.caspian.sim.issuer.IssuerHost;
import io.caspian.store.SafItem;
import io.caspian.store.StoreConfig;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The crash soak: the switch as a child process under traffic both ways, killed with SIGKILL
 * at seeded random moments and restarted each time, then drained and checked (see
 * {@link CrashChecks}). Exit code 0 when nothing is violated, 1 when something is, 2 for bad
 * arguments.
 *
 * <pre>
 * java -cp app/target/caspian.jar io.caspian.app.crash.CrashSoak --kills N --seed S
 *     [--data DIR] [--rate PER_SECOND] [--jar caspian.jar]
 * </pre>
 */
public final class CrashSoak {
    private static final String MARKER = ".caspian-crash-soak";
    /** Cards per scheme: enough that balances rarely run out during a long soak. */
    private static final int CARDS = 200;
    /** Kill delays after sign-on: from during recovery's first sends to deep in traffic. */
    private static final int KILL_DELAY_MIN_MS = 200;
    private static final int KILL_DELAY_MAX_MS = 3_000;
    /** Acquirer timeout (5 s) plus three reversal repeats, with margin. */
    private static final long ACQUIRERS_IDLE_WAIT_MS = 40_000;
    /** Two SAF repeat intervals (safRetryMs 1 s) with nothing new at either issuer. */
    private static final long LEDGERS_QUIET_MS = 3_000;
    private static final int DRAIN_ROUNDS_MAX = 4;
    private static final long CONTROL_RUN_MS = 10_000;

    /** What to run. */
    /** @param store null for the embedded H2 store, else a PostgreSQL JDBC URL */
    record Options(int kills, long seed, Path data, Path jar, int ratePerDirection,
            String store) {
        Options(int kills, long seed, Path data, Path jar, int ratePerDirection) {
            this(kills, seed, data, jar, ratePerDirection, null);
        }
    }

    private final Options options;
    private final PrintWriter out;
    private final Findings findings = new Findings();

    CrashSoak(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
        findings.seed = options.seed();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("crash-soak: " + e.getMessage());
            System.err.println("usage: CrashSoak [--kills N] [--seed S] [--data DIR]"
                    + " [--rate PER_SECOND] [--jar caspian.jar] [--store JDBC_URL]");
            System.exit(2);
            return;
        }
        try {
            Findings f = new CrashSoak(options, out).run();
            System.exit(f.clean() ? 0 : 1);
        } catch (Exception e) {
            out.println("crash-soak: FAIL seed=" + options.seed() + " the soak itself failed: "
                    + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static Options parse(String[] args) {
        int kills = 100;
        long seed = System.nanoTime() % 1_000_000;
        Path data = Path.of("data", "crash-soak");
        Path jar = null;
        int rate = 50;
        String store = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--kills" -> kills = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--data" -> data = Path.of(v);
                    case "--jar" -> jar = Path.of(v);
                    case "--rate" -> rate = Integer.parseInt(v);
                    case "--store" -> store = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " takes a number, not '" + v + "'");
            }
        }
        if (kills < 0 || rate < 1 || rate > 1_000) {
            throw new IllegalArgumentException("--kills >= 0, --rate 1..1000");
        }
        if (store != null && !store.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--store takes a jdbc:postgresql: URL");
        }
        return new Options(kills, seed, data, jar == null ? ownJar() : jar, rate, store);
    }

    /** The jar this class was loaded from, or the module's build output when run from classes. */
    private static Path ownJar() {
        try {
            Path p = Path.of(CrashSoak.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return p.toString().endsWith(".jar") ? p : Path.of("app", "target", "caspian.jar");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate caspian.jar; pass --jar", e);
        }
    }

    /** The store the switch and the checks use: from the configuration the soak wrote. */
    private StoreConfig storeConfig;

    /**
     * With {@code --store}, the switch's configuration points at PostgreSQL, in a schema of
     * its own created for this run so nothing from another run is counted.
     */
    private String storeYaml(String yaml) throws IOException {
        if (options.store() == null) {
            return yaml;
        }
        String schema = "caspian_soak_" + options.seed() + "_" + (System.currentTimeMillis()
                % 1_000_000);
        try (Connection c = DriverManager.getConnection(options.store());
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IOException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
        String url = options.store() + (options.store().contains("?") ? "&" : "?")
                + "currentSchema=" + schema;
        out.println("store: PostgreSQL schema " + schema);
        return yaml.replace("jdbcUrl: embedded", "jdbcUrl: \"" + url + "\"");
    }

    /** Runs the whole soak and returns what it found (already printed). */
    Findings run() throws IOException, DialectException, ConfigException, InterruptedException {
        if (!Files.isRegularFile(options.jar())) {
            throw new IOException(options.jar() + " not found: build it first (./mvnw -B -q"
                    + " -DskipTests -pl app -am package)");
        }
        prepareDataDirectory(options.data());
        out.printf("crash soak: seed %d, %d kills, %d requests/s each way, data %s%n",
                options.seed(), options.kills(), options.ratePerDirection(),
                options.data().toAbsolutePath());
        try (LinkRuntime runtime = LinkRuntime.create(1);
                Simulation world = Simulation.start(options.data(), runtime, CARDS,
                        options.seed())) {
            // An acquirer's reversal is its own store-and-forward: with the simulators' default
            // of three repeats, a reversal whose repeats all fall while the switch restarts
            // is given up, and the soak would report the acquirer's patience, not the switch.
            world.mir.simulator.acquirer().reversalRepeatsMax(Integer.MAX_VALUE);
            world.shetab.simulator.acquirer().reversalRepeatsMax(Integer.MAX_VALUE);
            Path config = options.data().resolve("caspian.yaml");
            String yaml = storeYaml(world.configYaml());
            Files.writeString(config, yaml);
            this.storeConfig = Settings.of(ConfigLoader.parse(yaml, config.toString()),
                    config.toString()).store();
            SwitchProcess sw = new SwitchProcess(options.jar(), config,
                    options.data().resolve("switch.log"), world);
            CrashTraffic traffic = new CrashTraffic(world.mir, world.shetab,
                    options.ratePerDirection(), options.seed());
            long firstStartMs = sw.start();
            out.printf("switch started and signed on in %d ms; traffic on%n", firstStartMs);
            traffic.start();
            killAndRestart(sw, traffic);
            // Traffic into the last start too; with no kills this is the control run that
            // shows the checks pass on a switch that never crashed.
            Thread.sleep(options.kills() == 0 ? CONTROL_RUN_MS : 1_000);
            traffic.stop();
            out.println("traffic off; draining");
            out.flush();
            drainAndCheck(sw, world, traffic);
        }
        findings.note(recoveryLines(options.data().resolve("switch.log")));
        findings.print(out);
        return findings;
    }

    private void killAndRestart(SwitchProcess sw, CrashTraffic traffic)
            throws IOException, InterruptedException {
        Random random = new Random(options.seed());
        for (int k = 1; k <= options.kills(); k++) {
            long delay = KILL_DELAY_MIN_MS
                    + random.nextInt(KILL_DELAY_MAX_MS - KILL_DELAY_MIN_MS + 1);
            Thread.sleep(delay);
            sw.kill();
            findings.kills = k;
            long restartMs = sw.start();
            out.printf("kill %d/%d: SIGKILL %d ms after sign-on; restarted and signed on in"
                    + " %d ms; results so far %d%n", k, options.kills(), delay, restartMs,
                    traffic.mirToShetab.results().size() + traffic.shetabToMir.results().size());
            out.flush();
        }
    }

    /**
     * Waits for the acquirers' answers and reversals, then for both issuers to go quiet;
     * stops the switch cleanly and reads the store (an H2 file opens in one process at a
     * time). Anything still owed gets another start, as an operator would restart; what is
     * owed after that is a violation.
     */
    private void drainAndCheck(SwitchProcess sw, Simulation world, CrashTraffic traffic)
            throws IOException, ConfigException, InterruptedException {
        awaitAcquirersIdle(world, traffic);
        for (int round = 1; ; round++) {
            awaitLedgersQuiet(world);
            sw.stop();
            try (TransactionStore store = TransactionStore.open(storeConfig, Clock.systemUTC())) {
                List<SafItem> owed = store.pendingSaf(10_000);
                List<TransactionRecord> unresolved = store.unresolved();
                if ((owed.isEmpty() && unresolved.isEmpty()) || round == DRAIN_ROUNDS_MAX) {
                    out.printf("drained after %d round(s): %d owed, %d unresolved%n", round,
                            owed.size(), unresolved.size());
                    check(store, world, traffic, owed, unresolved);
                    return;
                }
                out.printf("drain round %d: %d owed, %d unresolved; starting the switch to"
                        + " deliver them%n", round, owed.size(), unresolved.size());
            }
            sw.start();
        }
    }

    private void check(TransactionStore store, Simulation world, CrashTraffic traffic,
            List<SafItem> owed, List<TransactionRecord> unresolved) {
        for (SafItem s : owed) {
            findings.violation(Findings.Kind.STILL_OWED, s.targetScheme(), s.kind() + " of "
                    + s.transactionId() + " still " + s.status() + " after " + s.attempts()
                    + " attempts");
        }
        for (TransactionRecord t : unresolved) {
            findings.violation(Findings.Kind.STILL_OWED, t.acquirerScheme() + ">"
                    + t.issuerScheme(), "unresolved " + t.id() + " " + t.state() + " card "
                    + t.pan().masked());
        }
        List<TransactionRecord> rows = store.createdSince(Instant.EPOCH);
        for (CrashTraffic.Direction d : traffic.directions()) {
            CrashChecks checks = new CrashChecks(findings, d.acquirerScheme.id,
                    d.issuerScheme.id, rows);
            List<AcquirerResult> results = d.results();
            checks.acquirerApprovals(results);
            IssuerHost issuer = d.issuerScheme.simulator.issuer();
            checks.issuerLedger(issuer.ledger().entries());
            checks.totals(results, issuer.ledger().netDebitsMinor(
                    issuer.settings().currency().numeric()));
            AcquirerStats stats = d.acquirerScheme.simulator.acquirer().stats();
            findings.note(String.format("%s: %d requests, %d approved, %d declined, %d timed"
                    + " out, %d not sent (switch down); acquirer reversals %d sent, %d"
                    + " acknowledged, %d abandoned", d.name(), results.size(), stats.approvals(),
                    stats.declines(), stats.timeouts(), stats.notSent(), stats.reversalsSent(),
                    stats.reversalsAcknowledged(), stats.reversalsAbandoned()));
        }
        findings.note("store: " + rows.size() + " rows; acquirer reversals recorded without"
                + " finding their original: " + rows.stream().filter(t -> t.mti().charAt(1) == '4'
                        && t.originalId() == null).count());
    }

    private void awaitAcquirersIdle(Simulation world, CrashTraffic traffic)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + ACQUIRERS_IDLE_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            boolean idle = traffic.directions().stream().allMatch(d -> d.outstanding() == 0)
                    && world.mir.simulator.acquirer().inFlight() == 0
                    && world.shetab.simulator.acquirer().inFlight() == 0;
            if (idle) {
                return;
            }
            Thread.sleep(100);
        }
        out.println("acquirers still waiting after " + ACQUIRERS_IDLE_WAIT_MS + " ms; checking"
                + " anyway");
    }

    /** Waits until neither issuer has received anything for {@link #LEDGERS_QUIET_MS}. */
    private static void awaitLedgersQuiet(Simulation world) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        IssuerActivity sizes = IssuerActivity.of(world);
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            IssuerActivity now = IssuerActivity.of(world);
            if (!now.equals(sizes)) {
                sizes = now;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince >= LEDGERS_QUIET_MS) {
                return;
            }
        }
    }

    /** What both issuers have done so far: postings, and reversals with or without effect. */
    private record IssuerActivity(int mirPostings, IssuerCounters mir, int shetabPostings,
            IssuerCounters shetab) {
        static IssuerActivity of(Simulation world) {
            return new IssuerActivity(world.mir.simulator.issuer().ledger().size(),
                    world.mir.simulator.issuer().counters(),
                    world.shetab.simulator.issuer().ledger().size(),
                    world.shetab.simulator.issuer().counters());
        }
    }

    /** Recovery's summary line in the switch's log (core's Recovery.run). */
    private static final Pattern RECOVERY_LINE = Pattern.compile(
            "recovery: (\\d+) reversals newly owed, (\\d+) owed messages loaded");

    /** The switch's own account of each recovery, summed from its log. */
    private static String recoveryLines(Path log) throws IOException {
        long reversals = 0;
        long loaded = 0;
        int recoveries = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = RECOVERY_LINE.matcher(line);
            if (m.find()) {
                reversals += Long.parseLong(m.group(1));
                loaded += Long.parseLong(m.group(2));
                recoveries++;
            }
        }
        return "switch log: " + recoveries + " recoveries, " + reversals
                + " reversals newly owed at start, " + loaded + " owed messages reloaded";
    }

    /** Recreates the soak's directory; refuses to delete one the soak did not create. */
    private static void prepareDataDirectory(Path data) throws IOException {
        if (Files.exists(data)) {
            if (!Files.exists(data.resolve(MARKER))) {
                throw new IOException(data + " exists and is not a crash-soak directory;"
                        + " choose another with --data");
            }
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "created by the crash soak\n");
    }
}
