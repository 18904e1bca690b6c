package io.caspian.core.flow;

import io.caspian.core.conversion.Rate;
import io.caspian.core.conversion.RateTable;
import io.caspian.core.mapping.CodeTable;
import io.caspian.core.mapping.SchemeWire;
import io.caspian.core.mapping.WireConventions;
import io.caspian.core.money.Currency;
import io.caspian.core.money.CurrencyTable;
import io.caspian.core.port.Scheduler;
import io.caspian.core.port.SchemePort;
import io.caspian.core.routing.IinRange;
import io.caspian.core.routing.Router;
import io.caspian.core.screening.Screening;
import io.caspian.core.standin.StandInRules;
import io.caspian.core.txn.TransactionType;
import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.PinUnderLmk;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.store.Channel;
import io.caspian.store.StoreConfig;
import io.caspian.store.TransactionStore;
import io.caspian.store.pan.SoftwarePanProtector;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The switch with two fake scheme links (queues), a real H2 store and a real software HSM:
 * tests play both schemes by putting messages in and reading what the switch sends.
 */
final class Harness implements AutoCloseable {
    static final Currency RUB = new Currency("RUB", 643, 2);
    static final Currency IRR = new Currency("IRR", 364, 0);

    final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    final FakePort mir = new FakePort();
    final FakePort shetab = new FakePort();
    final TransactionStore store;
    final SoftwareHsm hsm;
    SwitchEngine engine;
    private SwitchSettings settings;
    private Scheduler scheduler;
    final SwitchStats stats = new SwitchStats();

    /** One side of a link: what the switch sends lands in {@link #sent}. */
    static final class FakePort implements SchemePort {
        final BlockingQueue<IsoMessage> sent = new LinkedBlockingQueue<>();
        volatile boolean up = true;

        @Override
        public boolean send(IsoMessage message) {
            return up && sent.add(message);
        }

        @Override
        public boolean isUp() {
            return up;
        }

        IsoMessage next() throws InterruptedException {
            IsoMessage m = sent.poll(5, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("nothing sent within 5 s");
            }
            return m;
        }

        IsoMessage none(long ms) throws InterruptedException {
            return sent.poll(ms, TimeUnit.MILLISECONDS);
        }
    }

    Harness(Path dir, long responseTimeoutMs, StandInRules shetabStandIn) throws Exception {
        this(dir, responseTimeoutMs, shetabStandIn, m -> m, s -> s);
    }

    /** With the two schemes' settings adjusted by the test (MAC, screening, caps). */
    Harness(Path dir, long responseTimeoutMs, StandInRules shetabStandIn,
            UnaryOperator<SchemeSettings> mirAdjust, UnaryOperator<SchemeSettings> shetabAdjust)
            throws Exception {
        this(dir, responseTimeoutMs, shetabStandIn, mirAdjust, shetabAdjust,
                StoreConfig.embedded(dir.resolve("db")));
    }

    /** With a store of the test's choosing (PostgreSQL behind a proxy, for faults). */
    Harness(Path dir, long responseTimeoutMs, StandInRules shetabStandIn,
            UnaryOperator<SchemeSettings> mirAdjust, UnaryOperator<SchemeSettings> shetabAdjust,
            StoreConfig storeConfig) throws Exception {
        hsm = SoftwareHsm.initialize(dir.resolve("hsm"));
        hsm.execute(new HsmCommand.GenerateKey("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY))
                .orElseThrow();
        hsm.execute(new HsmCommand.GenerateKey("zpk.shetab", KeyUsage.P0, KeyAlgorithm.AES_128))
                .orElseThrow();
        hsm.execute(new HsmCommand.GenerateKey("zak.mir", KeyUsage.M3, KeyAlgorithm.TDES_2KEY))
                .orElseThrow();
        hsm.execute(new HsmCommand.GenerateKey("zmk.mir", KeyUsage.K1, KeyAlgorithm.AES_256))
                .orElseThrow();
        store = TransactionStore.open(storeConfig, Clock.systemUTC());
        Instant epoch = Instant.parse("2020-01-01T00:00:00Z");
        RateTable rates = new RateTable(List.of(
                new Rate("RUB", "IRR", new BigDecimal("440"), epoch),
                new Rate("IRR", "RUB", new BigDecimal("0.00225"), epoch)),
                Map.of("RUB>IRR", 100, "IRR>RUB", 100));
        Set<Channel> all = Set.of(Channel.values());
        SchemeSettings mirSettings = new SchemeSettings(SchemeWire.of("mir",
                Dialects.builtIn("mir"), WireConventions.iso1987(), CodeTable.iso1987(), RUB,
                "22000000001"), "zpk.mir", 0, responseTimeoutMs, StandInRules.disabled(), all,
                ZoneId.of("Europe/Moscow"));
        SchemeSettings shetabSettings = new SchemeSettings(SchemeWire.of("shetab",
                Dialects.builtIn("shetab"), WireConventions.shetab(), CodeTable.shetab(), IRR,
                "60379900001"), "zpk.shetab", 4, responseTimeoutMs, shetabStandIn, all,
                ZoneId.of("Asia/Tehran"));
        Router router = new Router(List.of(new IinRange("2200", "mir"),
                new IinRange("2201", "mir"), new IinRange("603799", "shetab"),
                new IinRange("610433", "shetab")));
        SwitchSettings settings = new SwitchSettings(Map.of("mir",
                mirAdjust.apply(mirSettings), "shetab", shetabAdjust.apply(shetabSettings)),
                router, rates, CurrencyTable.standard(), 60_000, 100, 1000, 1000);
        Scheduler scheduler = new Scheduler() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void execute(Runnable task) {
                thread.execute(guarded(task));
            }

            @Override
            public Cancellable schedule(long delayMs, Runnable task) {
                ScheduledFuture<?> f = thread.schedule(guarded(task), delayMs,
                        TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }
        };
        this.settings = settings;
        this.scheduler = scheduler;
        engine = new SwitchEngine(settings, scheduler, store,
                new SoftwarePanProtector(new TestPanKeys(), new SecureRandom()), hsm, stats, 7);
        engine.attach("mir", mir);
        engine.attach("shetab", shetab);
        thread.scheduleWithFixedDelay(guarded(() -> engine.tick()), 50, 50,
                TimeUnit.MILLISECONDS);
    }

    /** Engine failures must fail the test, not vanish inside an executor. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failures.add(e);
                e.printStackTrace();
            }
        };
    }

    static StandInRules standInUpTo(long irr) {
        return new StandInRules(true, irr, 3, irr * 3, Set.of(TransactionType.PURCHASE),
                Set.of(Channel.POS, Channel.ECOM));
    }

    /**
     * A restart of the switch process, as far as core can tell: a new engine with nothing in
     * memory, the same store and keys, recovery run before any message.
     */
    void restart() throws Exception {
        SwitchEngine fresh = new SwitchEngine(settings, scheduler, store,
                new SoftwarePanProtector(new TestPanKeys(), new SecureRandom()), hsm, stats, 11);
        fresh.attach("mir", mir);
        fresh.attach("shetab", shetab);
        onEngine(() -> {
            engine = fresh;
            fresh.recover();
        });
    }

    static SchemeSettings with(SchemeSettings s, MacSettings mac, Screening screening,
            long capMinor, long prefundedMinor) {
        return new SchemeSettings(s.wire(), s.zonePinKeyId(), s.pinBlockFormat(),
                s.responseTimeoutMs(), s.standIn(), s.acceptedChannels(), s.zone(), mac,
                screening, capMinor, prefundedMinor, s.zoneMasterKeyId());
    }

    void from(String scheme, IsoMessage m) {
        thread.execute(guarded(() -> engine.onMessage(scheme, m)));
    }

    void onEngine(Runnable r) throws Exception {
        thread.submit(r).get(5, TimeUnit.SECONDS);
    }

    EncryptedPinBlock pinBlock(String pan, String pin, String zpk, PinBlockFormat format) {
        PinUnderLmk ref = hsm.execute(new HsmCommand.EnrolPin(pin.toCharArray(), Pan.of(pan)))
                .orElseThrow();
        return hsm.execute(new HsmCommand.PinFromLmk(ref, Pan.of(pan), KeyRef.current(zpk),
                format)).orElseThrow();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (!failures.isEmpty()) {
            throw new AssertionError("the engine threw", failures.get(0));
        }
        store.close();
    }
}
