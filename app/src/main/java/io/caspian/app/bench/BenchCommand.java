package io.caspian.app.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.caspian.app.CliException;
import io.caspian.app.Durations;
import io.caspian.app.config.ConfigException;
import io.caspian.iso8583.dialect.DialectException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caspian bench}: end-to-end load through the switch, and the issuer alone. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load the switch end to end between simulated Mir and Shetab on "
                + "loopback: closed loop (N in flight) and open loop (a fixed rate, latency "
                + "from the scheduled send time); TPS and p50/p99/p99.9 per run.")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", defaultValue = "both", paramLabel = "closed|open|both",
            description = "Closed loop, open loop or both (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--in-flight", defaultValue = "64", paramLabel = "N",
            description = "Requests outstanding in closed loop (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--rate", defaultValue = "1000", paramLabel = "N",
            description = "Requests per second in open loop (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--requests", paramLabel = "N",
            description = "Measured requests per run, instead of --duration.")
    Long requests;

    @Option(names = "--duration", defaultValue = "20s", paramLabel = "D",
            description = "Measured time per run, e.g. 20s, 2m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "5s", paramLabel = "D",
            description = "Unmeasured traffic before each run (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--direction", defaultValue = "mir>shetab",
            paramLabel = "mir>shetab|shetab>mir|both",
            description = "Who acquires and who issues; 'both' runs each in turn; "
                    + "'mir-shetab' also works (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--record-messages", description = "Journal every message (masked) for "
            + "the console's traces, as a switch with its console on does (default: off).")
    boolean recordMessages;

    @Option(names = "--floor", description = "Also load each issuer simulator straight, "
            + "without the switch (the floor).")
    boolean floor;

    @Option(names = "--data", defaultValue = "data/bench", paramLabel = "DIR",
            description = "Working directory, recreated on each run (default: "
                    + "${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--store", defaultValue = "embedded", paramLabel = "embedded|JDBC-URL",
            description = "H2 under --data, or a jdbc:postgresql: URL; password from "
                    + "$" + StoreChoice.PASSWORD_VARIABLE + " (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--journal-fsync", description = "Embedded store: force every journal "
            + "write to the device (durable against power loss) instead of handing it to "
            + "the operating system.")
    boolean journalFsync;

    @Option(names = "--store-user", defaultValue = "caspian", paramLabel = "USER",
            description = "Database user for a --store URL (default: ${DEFAULT-VALUE}).")
    String storeUser;

    @Option(names = "--mix", defaultValue = "purchase", paramLabel = "purchase|retail",
            description = "Purchases only (POS and e-commerce), or the demo's retail day with "
                    + "cash, refunds, inquiries, transfers and PINs (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--pin-fraction", defaultValue = "0", paramLabel = "F",
            description = "Share of POS purchases with a PIN in the purchase mix, 0..1 "
                    + "(default: ${DEFAULT-VALUE}: the HSM's PIN cost is measured apart).")
    double pinFraction;

    @Option(names = "--io-threads", defaultValue = "1", paramLabel = "N",
            description = "Netty I/O threads shared by every link (default: ${DEFAULT-VALUE}).")
    int ioThreads;

    @Option(names = "--batch-max", defaultValue = "0", paramLabel = "N",
            description = "Group commit batch size; 0 keeps the demo configuration's.")
    int batchMax;

    @Option(names = "--window-micros", defaultValue = "-1", paramLabel = "US",
            description = "Group commit window; -1 keeps the demo configuration's.")
    long windowMicros;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice.")
    long seed;

    @Override
    public Integer call() {
        BenchPlan plan = plan();
        // The simulation's key ceremony splits keys on purpose; its warning is for operators.
        ((Logger) LoggerFactory.getLogger("io.caspian.hsm.CeremonyCommands"))
                .setLevel(Level.ERROR);
        try {
            new Bench(spec.commandLine().getOut(), plan).run();
            return 0;
        } catch (IOException | DialectException | ConfigException | IllegalStateException e) {
            // IllegalStateException: a link that never signed on, a store that did not open.
            throw new CliException("bench: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("bench interrupted");
        }
    }

    /** Every option checked; the first bad one is a one-line error. */
    BenchPlan plan() {
        List<Mode> modes = Mode.parse(mode);
        require(modes != null, "--mode must be closed, open or both, not '" + mode + "'");
        List<Direction> directions = Direction.parse(direction);
        require(directions != null, "--direction must be mir>shetab, shetab>mir or both, not '"
                + direction + "'");
        require(inFlight >= 1 && inFlight <= 10_000, "--in-flight must be 1..10000");
        require(rate >= 1 && rate <= 200_000, "--rate must be 1..200000");
        require(requests == null || (requests >= 1 && requests <= 100_000_000),
                "--requests must be 1..100000000");
        long measureMs = Durations.millis("--duration", duration, 1_000);
        long warmupMs = Durations.millis("--warmup", warmup, 0);
        BenchPlan.Mix m = switch (mix.trim().toLowerCase(Locale.ROOT)) {
            case "purchase" -> BenchPlan.Mix.PURCHASE;
            case "retail" -> BenchPlan.Mix.RETAIL;
            default -> throw new CliException("--mix must be purchase or retail, not '" + mix
                    + "'");
        };
        require(pinFraction >= 0 && pinFraction <= 1, "--pin-fraction must be 0..1");
        require(ioThreads >= 1 && ioThreads <= 16, "--io-threads must be 1..16");
        require(batchMax >= 0 && batchMax <= 16_384, "--batch-max must be 0..16384");
        require(windowMicros >= -1 && windowMicros <= 100_000,
                "--window-micros must be -1..100000");
        String s = store.trim();
        require(s.equals("embedded") || s.startsWith("jdbc:postgresql:")
                || s.startsWith("jdbc:h2:"), "--store must be embedded or a jdbc:postgresql: "
                        + "or jdbc:h2: URL");
        require(!journalFsync || s.equals("embedded"), "--journal-fsync is for the "
                + "embedded store");
        return new BenchPlan(modes, directions, inFlight, rate,
                requests == null ? 0 : requests, measureMs, warmupMs, floor, data, s,
                storeUser, m, pinFraction, ioThreads, batchMax, windowMicros, seed,
                recordMessages, journalFsync);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new CliException(message);
        }
    }
}
