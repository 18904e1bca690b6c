package io.caspian.console;

import io.caspian.core.flow.EngineObserver;
import io.caspian.core.txn.Reason;
import io.caspian.store.StoreHealth;
import io.caspian.store.TransactionState;
import io.caspian.store.TransactionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every metric {@code /metrics} shows, in one Micrometer registry (names in docs/api.md):
 * per direction the answers with their outcome, reason, latency histogram, stand-ins and
 * timeouts (told by the engine, {@link EngineObserver}); per link and direction the
 * messages and response codes (told by the message tap in {@code app}); and gauges read
 * from the links and the store when scraped. Thread-safe.
 */
public final class ConsoleMetrics implements EngineObserver {
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, DirectionMeters> directions = new ConcurrentHashMap<>();
    private final Map<String, Counter> reasons = new ConcurrentHashMap<>();
    private final Map<String, Counter> messages = new ConcurrentHashMap<>();
    private final Map<String, Counter> codes = new ConcurrentHashMap<>();
    /**
     * Micrometer holds the objects its gauges and function counters read only weakly: these
     * fields keep them alive as long as the metrics.
     */
    private ConsoleBackend bound;
    private StoreGauges storeGauges;

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every metric. */
    String scrape() {
        return registry.scrape();
    }

    DirectionMeters direction(String direction) {
        return directions.computeIfAbsent(direction, d -> new DirectionMeters(registry, d));
    }

    /** Directions seen so far, e.g. {@code mir>shetab}. */
    Map<String, DirectionMeters> directions() {
        return directions;
    }

    @Override
    public void onAnswered(String acquirer, String issuer, Reason reason,
            TransactionState state, long latencyNanos, boolean delivered) {
        String dir = acquirer + ">" + (issuer == null ? "none" : issuer);
        DirectionMeters m = direction(dir);
        m.latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        (reason.isApproval() ? m.approved : m.declined).increment();
        // A stand-in approval is answered once its advice is owed (STOOD_IN, ADVICE_PENDING).
        if (state == TransactionState.STOOD_IN || state == TransactionState.ADVICE_PENDING
                || state == TransactionState.ADVISED) {
            m.standIns.increment();
        }
        if (state == TransactionState.REVERSAL_PENDING || state == TransactionState.TIMED_OUT) {
            m.timeouts.increment();
        }
        if (!delivered) {
            m.undelivered.increment();
        }
        reasons.computeIfAbsent(dir + "|" + reason.name(), k -> Counter
                .builder("caspian.responses").description("Answers to acquirers by reason")
                .tag("direction", dir).tag("reason", reason.name()).register(registry))
                .increment();
    }

    /**
     * One message crossed a link: counted by link, direction ({@code in} to the switch or
     * {@code out}) and MTI, and by response code when it carries one.
     */
    public void onMessage(String link, boolean inbound, String mti, String responseCode) {
        String dir = inbound ? "in" : "out";
        messages.computeIfAbsent(link + "|" + dir + "|" + mti, k -> Counter
                .builder("caspian.link.messages").description("Messages per link and way")
                .tag("link", link).tag("direction", dir).tag("mti", mti).register(registry))
                .increment();
        if (responseCode != null) {
            codes.computeIfAbsent(link + "|" + dir + "|" + responseCode, k -> Counter
                    .builder("caspian.link.response.codes")
                    .description("Response codes per link and way (DE 39)")
                    .tag("link", link).tag("direction", dir).tag("code", responseCode)
                    .register(registry)).increment();
        }
    }

    /** Registers the gauges and counters read from the running switch when scraped. */
    synchronized void bind(ConsoleBackend backend) {
        if (bound != null) {
            throw new IllegalStateException("the metrics are bound to a switch already");
        }
        Gauge.builder("caspian.in.flight", backend.inFlight(), s -> s.getAsInt())
                .description("Requests inside the switch now").register(registry);
        StoreGauges store = new StoreGauges(backend.store(), backend.clock());
        this.bound = backend;
        this.storeGauges = store;
        Gauge.builder("caspian.saf.pending", store, StoreGauges::safPending)
                .description("Reversals and advices owed to issuers (store-and-forward)")
                .register(registry);
        Gauge.builder("caspian.store.queue.depth", store, s -> s.health().queueDepth())
                .description("Submissions waiting for the group committer")
                .register(registry);
        Gauge.builder("caspian.store.journal.backlog", backend.store(),
                s -> s.journalLag().backlog())
                .description("Submissions durable in the write-ahead journal, not yet loaded "
                        + "into the tables (embedded store)")
                .register(registry);
        FunctionCounter.builder("caspian.store.journal.late.failures", backend.store(),
                s -> s.journalLag().lateFailures())
                .description("Journaled submissions the database refused when loading them:"
                        + " a bug to alert on").register(registry);
        Gauge.builder("caspian.store.up", store, s -> s.health().isUp() ? 1 : 0)
                .description("1 when the store commits, 0 when it is down").register(registry);
        FunctionCounter.builder("caspian.store.commits", store, s -> s.health().commits())
                .description("Database commits (group commits)").register(registry);
        FunctionCounter.builder("caspian.store.submissions", store,
                s -> s.health().committed()).description("Submissions committed")
                .register(registry);
        FunctionCounter.builder("caspian.store.commit.wait.seconds", backend.store(),
                s -> s.commitTiming().nanosTotal() / 1e9)
                .description("Sum of submit-to-durable times of store submissions")
                .register(registry);
        FunctionCounter.builder("caspian.store.commit.wait.count", backend.store(),
                s -> s.commitTiming().count())
                .description("Store submissions timed in caspian_store_commit_wait_seconds")
                .register(registry);
        Gauge.builder("caspian.store.journal.queue.depth", backend.store(),
                s -> s.journalStats().queueDepth())
                .description("Message records waiting to be written").register(registry);
        FunctionCounter.builder("caspian.store.journal.dropped", backend.store(),
                s -> s.journalStats().dropped())
                .description("Message records dropped (queue full or write failed)")
                .register(registry);
        for (LinkControl link : backend.links()) {
            LinkMeters.bind(registry, link);
        }
        EngineCounters.bind(registry, backend.stats());
    }

    /** Store readings, cached briefly so that one scrape queries the database once. */
    static final class StoreGauges {
        private static final long CACHE_MS = 1_000;
        private final TransactionStore store;
        private final Clock clock;
        private volatile long safReadAtMs;
        private volatile int safPending;

        StoreGauges(TransactionStore store, Clock clock) {
            this.store = store;
            this.clock = clock;
        }

        StoreHealth health() {
            return store.health();
        }

        double safPending() {
            long now = clock.millis();
            if (now - safReadAtMs > CACHE_MS) {
                try {
                    safPending = store.pendingSaf(SAF_COUNT_MAX).size();
                } catch (RuntimeException e) {
                    return Double.NaN;
                }
                safReadAtMs = now;
            }
            return safPending;
        }
    }

    /** Most owed items counted by the gauge; more show as this many. */
    static final int SAF_COUNT_MAX = 100_000;
}
