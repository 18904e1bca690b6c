package io.caspian.bench.store;

import io.caspian.hsm.Pan;
import io.caspian.store.AcquirerReference;
import io.caspian.store.Amount;
import io.caspian.store.Channel;
import io.caspian.store.Fees;
import io.caspian.store.IssuerReference;
import io.caspian.store.StoreConfig;
import io.caspian.store.StoreHealth;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransactionStore;
import io.caspian.store.TransitionFields;
import io.caspian.store.pan.PanKeys;
import io.caspian.store.pan.ProtectedPan;
import io.caspian.store.pan.SoftwarePanProtector;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Committed work per second and commit latency of the store's group committer, for H2 and
 * PostgreSQL at several {@code groupCommitBatchMax}. Two workloads:
 *
 * <ul>
 *   <li>{@code outcome}: one submission of two writes per unit: insert the transaction,
 *       move it SENT to APPROVED (the first published figures used this);
 *   <li>{@code request}: what a financial request costs a flow, two submissions one after
 *       the other: insert in RECEIVED plus the ROUTED and SENT transitions before the
 *       request goes to the issuer, then SENT to APPROVED once it answers.
 * </ul>
 *
 * A closed loop keeps {@code inFlight} units outstanding; latency is per submission, submit
 * to future completion, i.e. what an approval waits before it may be sent (I1).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.caspian.bench.store.StoreCommitBenchmark \
 *     [h2|postgres|both] [seconds] [inFlight] [windowMicros] [outcome|request] [1,16,64,256]
 * </pre>
 *
 * PostgreSQL is reached at {@code CASPIAN_BENCH_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code CASPIAN_BENCH_PG_USER}
 * (default {@code postgres}), in a schema created for the run and dropped after.
 */
public final class StoreCommitBenchmark {
    private static final String BATCH_MAX = "1,16,64,256";
    private static final int LATENCY_SAMPLES_MAX = 4_000_000;

    private final ProtectedPan pan;
    private final AtomicInteger stan = new AtomicInteger();
    private final boolean requests;

    private StoreCommitBenchmark(boolean requests) {
        this.requests = requests;
        SecretKey key = new SecretKeySpec(new byte[32], "AES");
        PanKeys keys = new PanKeys() {
            @Override
            public String currentDataKeyId() {
                return "bench";
            }

            @Override
            public SecretKey dataKey(String keyId) {
                return key;
            }

            @Override
            public SecretKey lookupKey() {
                return new SecretKeySpec(new byte[32], "HmacSHA256");
            }
        };
        // Protected once: the benchmark measures the store, not AES-GCM.
        pan = new SoftwarePanProtector(keys, new SecureRandom())
                .protect(Pan.of("6037991234567890"));
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        long windowMicros = args.length > 3 ? Long.parseLong(args[3]) : 200;
        String workload = args.length > 4 ? args[4] : "outcome";
        if (!workload.equals("outcome") && !workload.equals("request")) {
            throw new IllegalArgumentException("workload must be outcome or request");
        }
        int[] batchMaxes = Arrays.stream((args.length > 5 ? args[5] : BATCH_MAX).split(","))
                .mapToInt(Integer::parseInt).toArray();
        StoreCommitBenchmark bench = new StoreCommitBenchmark(workload.equals("request"));
        System.out.printf(Locale.ROOT, "workload %s, %d in flight, window %d us%n", workload,
                inFlight, windowMicros);
        System.out.printf(Locale.ROOT, "%-10s %8s %12s %10s %10s %10s %10s %10s%n", "database",
                "batchMax", workload + "s/s", "commits/s", "subm/cmt", "p50 ms", "p99 ms",
                "max ms");
        for (String database : List.of("h2", "postgres")) {
            if (!which.equals("both") && !which.equals(database)) {
                continue;
            }
            for (int batchMax : batchMaxes) {
                bench.run(database, batchMax, windowMicros, seconds, inFlight);
            }
        }
    }

    private void run(String database, int batchMax, long windowMicros, int seconds,
            int inFlight) throws Exception {
        try (Target target = Target.create(database)) {
            StoreConfig config = target.config().withGroupCommit(windowMicros, batchMax)
                    .withSubmitQueueMax(Math.max(inFlight, batchMax) * 2);
            try (TransactionStore store = TransactionStore.open(config, Clock.systemUTC())) {
                drive(store, Math.max(1, seconds / 3), inFlight, null);
                StoreHealth before = store.health();
                long[] latencies = new long[LATENCY_SAMPLES_MAX];
                AtomicInteger samples = new AtomicInteger();
                long started = System.nanoTime();
                long outcomes = drive(store, seconds, inFlight, (nanos) -> {
                    int i = samples.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = nanos;
                    }
                });
                double elapsed = (System.nanoTime() - started) / 1e9;
                StoreHealth after = store.health();
                if (after.failed() != before.failed()) {
                    throw new IllegalStateException("writes failed during the run: " + after);
                }
                long commits = after.commits() - before.commits();
                long[] sorted = Arrays.copyOf(latencies, Math.min(samples.get(),
                        latencies.length));
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-10s %8d %12.0f %10.0f %10.1f %10.2f %10.2f"
                        + " %10.2f%n", database, batchMax, outcomes / elapsed,
                        commits / elapsed,
                        (double) (outcomes * (requests ? 2 : 1)) / commits,
                        percentile(sorted, 0.50), percentile(sorted, 0.99),
                        percentile(sorted, 1.0));
            }
        }
    }

    private interface LatencySink {
        void record(long nanos);
    }

    /** Keeps {@code inFlight} units outstanding for {@code seconds}; returns units done. */
    private long drive(TransactionStore store, int seconds, int inFlight, LatencySink sink)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            permits.acquire();
            CompletableFuture<Void> unit;
            if (requests) {
                UUID id = UUID.randomUUID();
                unit = timed(store, request(id), sink)
                        .thenCompose(sent -> timed(store, answer(id), sink));
            } else {
                unit = timed(store, outcome(), sink);
            }
            unit.whenComplete((ok, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                } else {
                    done.incrementAndGet();
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " outcomes failed");
        }
        return done.get();
    }

    /** One submission, its latency recorded when it commits. */
    private static CompletableFuture<Void> timed(TransactionStore store,
            List<StoreWrite> writes, LatencySink sink) {
        long submitted = System.nanoTime();
        return store.submit(writes).whenComplete((ok, error) -> {
            if (error == null && sink != null) {
                sink.record(System.nanoTime() - submitted);
            }
        });
    }

    private List<StoreWrite> outcome() {
        TransactionRecord t = transaction(UUID.randomUUID(), TransactionState.SENT);
        return List.of(new StoreWrite.InsertTransaction(t, "ACQUIRER_REQUEST"),
                answer(t.id()).get(0));
    }

    /** Before the request goes to the issuer: recorded, routed and converted, sent. */
    private List<StoreWrite> request(UUID id) {
        TransactionRecord t = transaction(id, TransactionState.RECEIVED);
        Instant now = t.createdAt();
        return List.of(new StoreWrite.InsertTransaction(t, "ACQUIRER_REQUEST"),
                new StoreWrite.Transition(id, TransactionState.RECEIVED,
                        TransactionState.ROUTED, "ROUTED", now,
                        TransitionFields.routed(new Amount(1_234_000, 364, 0), null,
                                new BigDecimal("481.25"))),
                new StoreWrite.Transition(id, TransactionState.ROUTED, TransactionState.SENT,
                        "SENT_TO_ISSUER", now, TransitionFields.sent(
                                new IssuerReference("000001", "000000000001"))));
    }

    private static List<StoreWrite> answer(UUID id) {
        return List.of(new StoreWrite.Transition(id, TransactionState.SENT,
                TransactionState.APPROVED, "ISSUER_APPROVED", Instant.now(),
                TransitionFields.answered("00", "00", "123456")));
    }

    private TransactionRecord transaction(UUID id, TransactionState state) {
        Instant now = Instant.now();
        String trace = String.format(Locale.ROOT, "%06d", stan.incrementAndGet() % 1_000_000);
        return new TransactionRecord(id, now, "mir", "shetab", Channel.POS, "0200", "000000",
                pan, new Amount(100_00, 643, 2), null, null, null,
                new AcquirerReference(trace, "507312" + trace, "TERM0001", "MERCHANT0000001",
                        "5411", "22001", "0314092653"),
                null, LocalDate.of(2025, 3, 14), state, null, null, null, false, null,
                Fees.NONE);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** A fresh database per run. */
    private static final class Target implements AutoCloseable {
        private final StoreConfig config;
        private final Path directory;
        private final String schema;

        private Target(StoreConfig config, Path directory, String schema) {
            this.config = config;
            this.directory = directory;
            this.schema = schema;
        }

        static Target create(String database) throws Exception {
            if (database.equals("h2")) {
                Path directory = Files.createTempDirectory("caspian-bench-h2");
                return new Target(StoreConfig.embedded(directory), directory, null);
            }
            String schema = "caspian_bench_" + UUID.randomUUID().toString().substring(0, 8);
            pgExecute("CREATE SCHEMA " + schema);
            String url = pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema="
                    + schema;
            return new Target(StoreConfig.defaults(url, pgUser(), ""), null, schema);
        }

        StoreConfig config() {
            return config;
        }

        @Override
        public void close() throws Exception {
            if (schema != null) {
                pgExecute("DROP SCHEMA " + schema + " CASCADE");
            }
            if (directory != null) {
                try (var files = Files.walk(directory)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder())
                            .toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }

        private static void pgExecute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), "");
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        private static String pgUrl() {
            String url = System.getenv("CASPIAN_BENCH_PG_URL");
            return url == null ? "jdbc:postgresql://127.0.0.1:5432/test" : url;
        }

        private static String pgUser() {
            String user = System.getenv("CASPIAN_BENCH_PG_USER");
            return user == null ? "postgres" : user;
        }
    }
}
