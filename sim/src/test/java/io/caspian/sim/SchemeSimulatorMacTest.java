package io.caspian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.LengthHeader;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkRole;
import io.caspian.sim.acquirer.AcquirerRequest;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.wire.MessageMacs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheme whose link carries MACs (mir: retail MAC, DE 64):
 *
 * <pre>
 * acquirer -> 0200 with DE 64 that verifies under zak.mir
 * Caspian  -> 0200 signed     -> issuer answers 0210, signed
 * Caspian  -> 0200 unsigned   -> dropped, counted; no answer
 * Caspian  -> 0200 tampered   -> dropped, counted; no answer
 * </pre>
 */
class SchemeSimulatorMacTest {
    @TempDir
    Path directory;
    SimTestKit kit;
    TestCard card;
    List<FakeLink> links = new ArrayList<>();
    SchemeSimulator sim;
    MessageMacs caspian;

    @BeforeEach
    void setUp() {
        kit = new SimTestKit(directory);
        kit.hsm.execute(new HsmCommand.GenerateKey("zak.mir", KeyUsage.M3,
                KeyAlgorithm.TDES_2KEY)).orElseThrow();
        caspian = new MessageMacs(kit.hsm, "zak.mir", MacAlgorithm.ISO9797_ALG3_PAD2);
        card = kit.cards("mir", 8).issue(CardStatus.ACTIVE, YearMonth.of(2030, 1), 100_000);
        LinkConfig link = new LinkConfig("mir", LinkRole.LISTEN, "127.0.0.1", 0, 1,
                SimTestKit.model("mir").dialect(), FrameSpec.of(LengthHeader.BINARY2),
                Duration.ZERO, false, Duration.ofMillis(10), Duration.ofMillis(100), 100, null,
                "9990001");
        SimConfig config = SimConfig.defaults("mir", link, "9990001", 643, List.of(card),
                List.of(SimTestKit.terminal(TerminalType.POS)), 42)
                .withMac(new SimMac("zak.mir", MacAlgorithm.ISO9797_ALG3_PAD2));
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

    private IsoMessage request() {
        sim.acquirer().submit(AcquirerRequest.purchase(SimTestKit.terminal(TerminalType.POS),
                card, 1_000, false));
        return link().sent.remove(link().sent.size() - 1);
    }

    @Test
    void theAcquirerSignsWhatItSends() {
        IsoMessage sent = request();
        assertThat(sent.has(64)).isTrue();
        assertThat(caspian.verify(sent)).isTrue();
    }

    @Test
    void theIssuerAnswersASignedRequestWithASignedResponse() {
        IsoMessage request = request();
        caspian.sign(request);
        sim.onMessage(link(), request);
        kit.scheduler.advance(1);
        IsoMessage answer = link().sent.get(link().sent.size() - 1);
        assertThat(answer.mti()).isEqualTo("0210");
        assertThat(caspian.verify(answer)).isTrue();
        assertThat(sim.macFailures()).isZero();
    }

    @Test
    void aRequestWithoutAValidMacIsDroppedAndCounted() {
        IsoMessage unsigned = request();
        unsigned.unset(64);
        IsoMessage tampered = request();
        caspian.sign(tampered);
        tampered.set(4, 999_999L);
        int before = link().sent.size();
        sim.onMessage(link(), unsigned);
        sim.onMessage(link(), tampered);
        kit.scheduler.advance(1);
        assertThat(link().sent).hasSize(before);
        assertThat(sim.macFailures()).isEqualTo(2);
    }
}
