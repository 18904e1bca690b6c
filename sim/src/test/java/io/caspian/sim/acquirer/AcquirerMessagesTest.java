package io.caspian.sim.acquirer;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.Pan;
import io.caspian.hsm.Verification;
import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.SimTestKit;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.wire.WireModel;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the acquirer puts on the wire, decoded back by the real codec. */
class AcquirerMessagesTest {
    @TempDir
    Path directory;

    private IsoMessage roundTrip(IsoMessage m) {
        IsoCodec codec = new IsoCodec(m.dialect());
        byte[] bytes = ((EncodeResult.Success) codec.encode(m)).bytes();
        return ((DecodeResult.Success) codec.decode(bytes)).message();
    }

    private IsoMessage sentBy(SimTestKit kit, String scheme, AcquirerRequest r,
            List<IsoMessage> out) {
        Acquirer a = kit.acquirer(scheme, 0);
        a.connect(m -> out.add(m.copy()));
        a.submit(r);
        return roundTrip(out.get(0));
    }

    private boolean pinVerifies(SimTestKit kit, String scheme, IsoMessage m, TestCard card) {
        WireModel model = SimTestKit.model(scheme);
        Verification v = kit.hsm.execute(new HsmCommand.VerifyPin(KeyRef.current("zpk." + scheme),
                model.pinBlockFormat(), Pan.of(card.pan()), new EncryptedPinBlock(m.getBytes(52)),
                card.pin())).orElseThrow();
        return v.verified();
    }

    @Test
    void mirCashCarriesMinorUnitsRoublesAndAFormat0PinBlock() {
        SimTestKit kit = new SimTestKit(directory);
        TestCard card = kit.cards("shetab", 1).issue(CardStatus.ACTIVE, YearMonth.of(2029, 5), 0);
        IsoMessage m = sentBy(kit, "mir", AcquirerRequest.cash(
                SimTestKit.terminal(TerminalType.ATM), card, 150_000), new ArrayList<>());
        assertThat(m.mti()).isEqualTo("0200");
        assertThat(m.getString(3)).isEqualTo("010000");
        assertThat(m.getString(4)).isEqualTo("000000150000");
        assertThat(m.getString(49)).isEqualTo("643");
        assertThat(m.getString(14)).isEqualTo("2905");
        assertThat(m.getString(18)).isEqualTo("6011");
        assertThat(m.getBytes(52)).hasSize(8);
        assertThat(pinVerifies(kit, "mir", m, card)).isTrue();
        assertThat(m.toString()).doesNotContain(card.pan());
    }

    @Test
    void shetabPurchaseCarriesCurrencyExponentAmountAndAFormat4PinBlock() {
        SimTestKit kit = new SimTestKit(directory);
        TestCard card = kit.cards("mir", 2).issue(CardStatus.ACTIVE, YearMonth.of(2029, 5), 0);
        IsoMessage m = sentBy(kit, "shetab", AcquirerRequest.purchase(
                SimTestKit.terminal(TerminalType.POS), card, 120_000_000, true), new ArrayList<>());
        assertThat(m.mti()).isEqualTo("2200");
        assertThat(m.getString(4)).isEqualTo("3640000120000000");
        assertThat(m.getString(11)).hasSize(12);
        assertThat(m.getString(12)).hasSize(14);
        assertThat(m.getString(24)).isEqualTo("200");
        assertThat(m.getString(48)).contains("03003POS");
        assertThat(m.getBytes(52)).hasSize(16);
        assertThat(pinVerifies(kit, "shetab", m, card)).isTrue();
    }

    @Test
    void transferNamesTheRecipientInDe48() {
        SimTestKit kit = new SimTestKit(directory);
        TestCard from = kit.cards("shetab", 3).issue(CardStatus.ACTIVE, YearMonth.of(2029, 5), 0);
        TestCard to = kit.cards("shetab", 4).issue(CardStatus.ACTIVE, YearMonth.of(2029, 5), 0);
        IsoMessage m = sentBy(kit, "mir", AcquirerRequest.transfer(
                SimTestKit.terminal(TerminalType.ATM), from, 5_000, to.pan()), new ArrayList<>());
        assertThat(m.getString(3)).isEqualTo("400000");
        assertThat(m.getString(48)).isEqualTo("04016" + to.pan());
    }

    @Test
    void timeoutReversesAndRepeatsUntilAbandoned() {
        SimTestKit kit = new SimTestKit(directory);
        TestCard card = kit.cards("shetab", 5).issue(CardStatus.ACTIVE, YearMonth.of(2029, 5), 0);
        List<IsoMessage> out = new ArrayList<>();
        Acquirer a = kit.acquirer("mir", 0);
        a.connect(m -> out.add(m.copy()));
        var result = a.submit(AcquirerRequest.purchase(SimTestKit.terminal(TerminalType.POS),
                card, 1_000, false));
        kit.scheduler.advance(2_000);
        assertThat(result.join().status()).isEqualTo(AcquirerResult.Status.TIMED_OUT);
        assertThat(out.get(1).mti()).isEqualTo("0420");
        assertThat(out.get(1).getString(39)).isEqualTo("68");
        assertThat(out.get(1).getString(90)).startsWith("0200" + out.get(0).getString(11)
                + out.get(0).getString(7));
        assertThat(out.get(1).getString(37)).isEqualTo(out.get(0).getString(37));
        kit.scheduler.advance(10_000);
        assertThat(out).extracting(IsoMessage::mti)
                .containsExactly("0200", "0420", "0421", "0421");
        assertThat(a.stats().reversalsAbandoned()).isEqualTo(1);
        assertThat(a.stats().timeouts()).isEqualTo(1);
        // A late answer to the original matches nothing any more.
        IsoMessage late = out.get(0).copy().setMti("0210").set(39, "00");
        assertThat(a.onResponse(late)).isFalse();
        assertThat(a.stats().unmatchedResponses()).isEqualTo(1);
    }
}
