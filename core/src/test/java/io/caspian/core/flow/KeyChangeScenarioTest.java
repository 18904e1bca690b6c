package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.SHETAB_CARD;
import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.standin.StandInRules;
import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.ExportedKey;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.PinUnderLmk;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Mir changes its zone PIN key on the live link:
 *
 * <pre>
 * mir -> 0800 DE 70=161 DE 120="D0112P0...;KCV"   (new ZPK under the ZMK)
 *     -> mir 0810 rc=00; zpk.mir is now version 2
 * mir -> 0200 with a PIN under version 1 (in flight) -> still forwarded
 * mir -> 0200 with a PIN under version 2             -> forwarded
 * mir -> 0800 161 with a wrong KCV                    -> 0810 rc=96, key unchanged
 * </pre>
 */
class KeyChangeScenarioTest extends ScenarioTestBase {

    private IsoMessage keyChange(String payload) throws Exception {
        IsoMessage m = new IsoCodec(Dialects.builtIn("mir")).newMessage().setMti("0800");
        m.set(7, "1125120000").set(11, "000901").set(70, "161");
        m.setBytes(120, payload.getBytes(StandardCharsets.US_ASCII));
        return m;
    }

    private EncryptedPinBlock pinUnder(KeyRef zpk) {
        PinUnderLmk ref = h.hsm.execute(new HsmCommand.EnrolPin("4321".toCharArray(),
                Pan.of(SHETAB_CARD))).orElseThrow();
        return h.hsm.execute(new HsmCommand.PinFromLmk(ref, Pan.of(SHETAB_CARD), zpk,
                PinBlockFormat.ISO_0)).orElseThrow();
    }

    @Test
    void aNewZonePinKeyIsActivatedWithoutDroppingMessagesInFlight() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        EncryptedPinBlock underOld = pinUnder(KeyRef.current("zpk.mir"));
        // The scheme's side: a new ZPK exported under the shared ZMK.
        KeyInfo next = h.hsm.execute(new HsmCommand.GenerateKey("zpk.mir.next", KeyUsage.P0,
                KeyAlgorithm.TDES_2KEY)).orElseThrow();
        ExportedKey block = h.hsm.execute(new HsmCommand.ExportKeyBlock(
                KeyRef.current("zpk.mir.next"), KeyRef.current("zmk.mir"), 'D')).orElseThrow();

        h.from("mir", keyChange(block.form() + ";" + next.checkValue()));
        IsoMessage ack = h.mir.next();
        assertThat(ack.mti()).isEqualTo("0810");
        assertThat(ack.getString(39)).isEqualTo("00");
        assertThat(ack.getString(11)).isEqualTo("000901");
        KeyInfo now = h.hsm.execute(new HsmCommand.DescribeKey(KeyRef.current("zpk.mir")))
                .orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.checkValue()).isEqualTo(next.checkValue());

        IsoMessage inFlight = mirPurchase("000902", 10_000);
        inFlight.setBytes(52, underOld.bytes());
        h.from("mir", inFlight);
        assertThat(h.shetab.next().has(52)).isTrue();

        IsoMessage afterChange = mirPurchase("000903", 10_000);
        afterChange.setBytes(52, pinUnder(KeyRef.current("zpk.mir")).bytes());
        h.from("mir", afterChange);
        assertThat(h.shetab.next().has(52)).isTrue();

        h.from("mir", keyChange(block.form() + ";" + "000000"));
        assertThat(h.mir.next().getString(39)).isEqualTo("96");
        assertThat(h.hsm.execute(new HsmCommand.DescribeKey(KeyRef.current("zpk.mir")))
                .orElseThrow().version()).isEqualTo(2);
    }
}
