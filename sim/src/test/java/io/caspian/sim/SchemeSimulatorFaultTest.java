package io.caspian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.LengthHeader;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkRole;
import io.caspian.sim.acquirer.AcquirerRequest;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.fault.Latency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuer's faults, set at runtime, in virtual time; the link is a recording fake. */
class SchemeSimulatorFaultTest {
    @TempDir
    Path directory;
    SimTestKit kit;
    TestCard card;
    List<FakeLink> links = new ArrayList<>();
    SchemeSimulator sim;

    @BeforeEach
    void setUp() {
        kit = new SimTestKit(directory);
        card = kit.cards("mir", 8).issue(CardStatus.ACTIVE, YearMonth.of(2030, 1), 100_000);
        LinkConfig link = new LinkConfig("mir", LinkRole.LISTEN, "127.0.0.1", 0, 1,
                SimTestKit.model("mir").dialect(), FrameSpec.of(LengthHeader.BINARY2),
                Duration.ZERO, false, Duration.ofMillis(10), Duration.ofMillis(100), 100, null,
                "9990001");
        SimConfig config = SimConfig.defaults("mir", link, "9990001", 643, List.of(card),
                List.of(SimTestKit.terminal(TerminalType.POS)), 42);
        sim = new SchemeSimulator(config, kit.hsm, kit.scheduler, (c, h) -> {
            FakeLink l = new FakeLink(c);
            links.add(l);
            return l;
        });
        sim.start();
    }

    private FakeLink link() {
        return links.get(links.size() - 1);
    }

    /** What the issuer side sent: x110/x210/x430 (the acquirer's own traffic left out). */
    private List<IsoMessage> answers() {
        return link().sent.stream().filter(m -> m.mtiNumber() / 10 % 2 == 1).toList();
    }

    /** A request for the simulator's own card, as Caspian would forward it. */
    private IsoMessage forwarded(long amount) {
        CompletableFuture<AcquirerResult> f = sim.acquirer().submit(AcquirerRequest.purchase(
                SimTestKit.terminal(TerminalType.POS), card, amount, false));
        IsoMessage m = link().sent.remove(link().sent.size() - 1);
        f.cancel(false);
        return m;
    }

    @Test
    void answersAfterItsLatency() {
        sim.faults().setLatency(new Latency.Fixed(50));
        sim.onMessage(link(), forwarded(1_000));
        kit.scheduler.advance(49);
        assertThat(answers()).isEmpty();
        kit.scheduler.advance(1);
        assertThat(answers()).extracting(IsoMessage::mti).containsExactly("0210");
        assertThat(sim.counters().answered()).isEqualTo(1);
    }

    @Test
    void droppedAnswerStillMovedTheLedger() {
        sim.faults().setDropFraction(1);
        sim.onMessage(link(), forwarded(1_000));
        kit.scheduler.advance(10_000);
        assertThat(answers()).isEmpty();
        assertThat(sim.issuer().ledger().netDebitsMinor()).isEqualTo(1_000);
        assertThat(sim.counters().dropped()).isEqualTo(1);
    }

    @Test
    void downHostProcessesNothing() {
        sim.faults().setDown(true);
        sim.onMessage(link(), forwarded(1_000));
        kit.scheduler.advance(10_000);
        assertThat(answers()).isEmpty();
        assertThat(sim.issuer().ledger().size()).isZero();
        sim.faults().clear();
        sim.onMessage(link(), forwarded(1_000));
        kit.scheduler.runDue();
        assertThat(answers()).hasSize(1);
    }

    @Test
    void lateAnswerComesAfterTheDelay() {
        sim.faults().setLate(1, 30_000);
        sim.onMessage(link(), forwarded(1_000));
        kit.scheduler.advance(29_999);
        assertThat(answers()).isEmpty();
        kit.scheduler.advance(1);
        assertThat(answers()).hasSize(1);
        assertThat(sim.counters().late()).isEqualTo(1);
    }

    @Test
    void garbageWithoutARawSenderIsAnAnswerToNothing() {
        sim.faults().setGarbageFraction(1);
        IsoMessage request = forwarded(1_000);
        sim.onMessage(link(), request);
        kit.scheduler.runDue();
        assertThat(link().sent).hasSize(1);
        assertThat(link().sent.get(0).getString(37)).isNotEqualTo(request.getString(37));
        List<byte[]> raw = new ArrayList<>();
        sim.setRawSender((l, bytes) -> raw.add(bytes));
        sim.onMessage(link(), forwarded(1_000));
        kit.scheduler.runDue();
        assertThat(raw).hasSize(1);
    }

    @Test
    void disconnectStopsTheLinkAndComesBack() {
        sim.faults().setDisconnect(1, 2_000);
        sim.onMessage(link(), forwarded(1_000));
        kit.scheduler.runDue();
        assertThat(links.get(0).stopped).isTrue();
        assertThat(links).hasSize(1);
        kit.scheduler.advance(2_000);
        assertThat(links).hasSize(2);
        assertThat(link().started).isTrue();
        assertThat(sim.counters().disconnects()).isEqualTo(1);
    }

    @Test
    void repliesFromTheSwitchGoToTheAcquirer() {
        CompletableFuture<AcquirerResult> f = sim.acquirer().submit(AcquirerRequest.purchase(
                SimTestKit.terminal(TerminalType.POS), card, 2_000, false));
        IsoMessage request = link().sent.get(0);
        IsoMessage reply = sim.issuer().handle(request);
        sim.onMessage(link(), reply);
        assertThat(f.join().approved()).isTrue();
        assertThat(sim.acquirer().stats().approvedDebitsMinor(643)).isEqualTo(2_000);
    }
}
