package io.caspian.app.crash;

import io.caspian.app.demo.SchemeWorld;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.acquirer.TrafficGenerator;
import io.caspian.sim.acquirer.TrafficMix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open-loop traffic both ways at a fixed rate, whether the switch is up or not (a killed
 * switch does not stop the terminals), keeping every request's result: the crash checks
 * match each approval an acquirer was told to the store, one by one.
 */
final class CrashTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(CrashTraffic.class);
    private static final long TICK_MS = 10;

    /** Ticks that threw; the soak reports them. */
    final AtomicLong failures = new AtomicLong();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread t = new Thread(r, "crash-traffic");
                t.setDaemon(true);
                return t;
            });
    final Direction mirToShetab;
    final Direction shetabToMir;

    /** One acquirer sending the other scheme's cards; its results in completion order. */
    static final class Direction {
        final SchemeWorld acquirerScheme;
        final SchemeWorld issuerScheme;
        private final TrafficGenerator generator;
        private final double perTick;
        private final List<AcquirerResult> results = new ArrayList<>();
        private double owed;
        private long submitted;

        Direction(SchemeWorld acquirerScheme, SchemeWorld issuerScheme, TrafficMix mix,
                double perTick, Random random) {
            this.acquirerScheme = acquirerScheme;
            this.issuerScheme = issuerScheme;
            this.generator = new TrafficGenerator(acquirerScheme.terminals, issuerScheme.cards,
                    mix, random);
            this.perTick = perTick;
        }

        private void tick() {
            owed += perTick;
            Acquirer acquirer = acquirerScheme.simulator.acquirer();
            while (owed >= 1) {
                owed -= 1;
                submitted++;
                acquirer.submit(generator.next()).thenAccept(this::record);
            }
        }

        private synchronized void record(AcquirerResult r) {
            results.add(r);
        }

        synchronized List<AcquirerResult> results() {
            return List.copyOf(results);
        }

        /** Requests submitted whose result is not in yet (answer or timeout pending). */
        synchronized long outstanding() {
            return submitted - results.size();
        }

        String name() {
            return acquirerScheme.id + ">" + issuerScheme.id;
        }
    }

    CrashTraffic(SchemeWorld mir, SchemeWorld shetab, int ratePerDirection, long seed) {
        double perTick = ratePerDirection * TICK_MS / 1000.0;
        // Amounts in each acquirer's currency: 10.00-3,000.00 RUB; 20,000-2,000,000 IRR.
        mirToShetab = new Direction(mir, shetab, TrafficMix.retail(1_000, 300_000), perTick,
                new Random(seed + 10));
        shetabToMir = new Direction(shetab, mir, TrafficMix.retail(20_000, 2_000_000), perTick,
                new Random(seed + 11));
    }

    void start() {
        timer.scheduleAtFixedRate(() -> {
            // An exception escaping a scheduled task cancels it silently: the traffic would
            // stop and the soak would check an idle switch.
            try {
                mirToShetab.tick();
                shetabToMir.tick();
            } catch (Throwable t) {
                LOG.error("crash traffic: tick failed", t);
                failures.incrementAndGet();
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(2, TimeUnit.SECONDS);
    }

    List<Direction> directions() {
        return List.of(mirToShetab, shetabToMir);
    }
}
