package io.caspian.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.sim.SimTestKit;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.acquirer.TrafficGenerator;
import io.caspian.sim.acquirer.TrafficMix;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.issuer.IssuerHost;
import io.caspian.sim.time.ExecutorScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both loops over an acquirer wired straight to an issuer, on a real scheduler thread. */
class LoadGeneratorTest {
    @TempDir
    Path directory;

    @Test
    void closedAndOpenLoopsCompleteEveryRequest() throws InterruptedException {
        SimTestKit kit = new SimTestKit(directory);
        List<TestCard> cards = kit.cards("shetab", 12).issueActive(5, YearMonth.of(2031, 1),
                1_000_000_000L);
        IssuerHost issuer = new IssuerHost(SimTestKit.model("shetab"),
                kit.issuerSettings("shetab"), kit.hsm, kit.scheduler.clock(), cards);
        try (ExecutorScheduler scheduler = new ExecutorScheduler("load-test",
                Clock.systemUTC())) {
            Acquirer acquirer = new Acquirer(SimTestKit.model("shetab"),
                    kit.acquirerSettings("shetab", 0.1), kit.hsm, scheduler, new Random(3));
            SimTestKit.loop(acquirer, issuer);
            TrafficGenerator traffic = new TrafficGenerator(List.of(
                    SimTestKit.terminal(TerminalType.POS), SimTestKit.terminal(TerminalType.ATM),
                    SimTestKit.terminal(TerminalType.ECOM)), cards,
                    TrafficMix.retail(10_000, 5_000_000), new Random(4));
            LoadGenerator load = new LoadGenerator(acquirer, traffic, scheduler::nanoTime);

            LoadReport closed = load.closedLoop(8, 300, 10_000);
            assertThat(closed.sent()).isEqualTo(300);
            assertThat(closed.answered()).isEqualTo(300);
            assertThat(closed.approved()).isGreaterThan(200);
            assertThat(closed.latency().count()).isEqualTo(300);

            LoadReport open = load.openLoop(2_000, 200, 10_000);
            assertThat(open.answered()).isEqualTo(200);
            // 200 requests at 2,000/s take at least the 99.5 ms the schedule spans.
            assertThat(open.elapsedNanos()).isGreaterThanOrEqualTo(99_000_000L);
            assertThat(acquirer.stats().approvals()).isEqualTo(closed.approved()
                    + open.approved());
            assertThat(acquirer.stats().netApprovedDebitsMinor(364))
                    .isEqualTo(issuer.ledger().netDebitsMinor());
        }
    }
}
