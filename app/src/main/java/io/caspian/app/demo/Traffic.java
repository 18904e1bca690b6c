package io.caspian.app.demo;

import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.TrafficGenerator;
import io.caspian.sim.acquirer.TrafficMix;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Open-loop traffic both ways: each scheme's terminals send requests with the other
 * scheme's cards at a fixed rate, whatever the switch's speed (Mir cards in Iran, Shetab
 * cards in Russia). Approvals are followed up as at real terminals: some are cancelled
 * (the acquirer's configured share), {@value #COMPLETION_SHARE} of approved authorizations
 * are completed by an advice and {@value #PARTIAL_REVERSAL_SHARE} of approved purchases are
 * partly cancelled.
 */
final class Traffic {
    private static final long TICK_MS = 10;
    static final double COMPLETION_SHARE = 0.5;
    static final double PARTIAL_REVERSAL_SHARE = 0.05;
    /**
     * Completions are for a random {@value #COMPLETION_PERCENT_MIN}-100 % of the authorized
     * amount (a fuel pump, a hotel): clearing presents the authorization and adjusts it to the
     * completion's final amount (docs/clearing.md), as the issuers book it.
     */
    static final int COMPLETION_PERCENT_MIN = 70;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread t = new Thread(r, "demo-traffic");
                t.setDaemon(true);
                return t;
            });
    private final Direction[] directions;

    /** One acquirer sending foreign cards at a rate. */
    private static final class Direction {
        final Acquirer acquirer;
        final TrafficGenerator generator;
        final double perTick;
        double owed;

        Direction(Acquirer acquirer, TrafficGenerator generator, double perTick) {
            this.acquirer = acquirer;
            this.generator = generator;
            this.perTick = perTick;
        }

        void tick() {
            owed += perTick;
            while (owed >= 1) {
                owed -= 1;
                acquirer.submit(generator.next());
            }
        }
    }

    Traffic(SchemeWorld mir, SchemeWorld shetab, int ratePerDirection, long seed) {
        double perTick = ratePerDirection * TICK_MS / 1000.0;
        for (SchemeWorld w : new SchemeWorld[] {mir, shetab}) {
            w.simulator.acquirer().followUps(COMPLETION_SHARE, COMPLETION_PERCENT_MIN, 100,
                    PARTIAL_REVERSAL_SHARE);
        }
        // Amounts in each acquirer's currency: 10.00-3,000.00 RUB; 20,000-2,000,000 IRR.
        directions = new Direction[] {
            new Direction(mir.simulator.acquirer(), new TrafficGenerator(mir.terminals,
                    shetab.cards, TrafficMix.retail(1_000, 300_000), new Random(seed + 10)),
                    perTick),
            new Direction(shetab.simulator.acquirer(), new TrafficGenerator(shetab.terminals,
                    mir.cards, TrafficMix.retail(20_000, 2_000_000), new Random(seed + 11)),
                    perTick)};
    }

    void start() {
        timer.scheduleAtFixedRate(() -> {
            for (Direction d : directions) {
                d.tick();
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(2, TimeUnit.SECONDS);
    }
}
