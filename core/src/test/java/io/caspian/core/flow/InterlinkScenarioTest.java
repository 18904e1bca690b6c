package io.caspian.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.standin.StandInRules;
import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Shetab card at a Russian shop, message by message, through the real engine, store and
 * HSM, with the two schemes played by the test:
 *
 * <pre>
 * mir  -> 0200 stan=000101 amount=150000 ccy=643 (1,500.00 RUB)
 *      -> shetab 2200 amount=3640 000000666600 (1,500 x 440 x 1.01 = 666,600 IRR)
 * shetab -> 2210 0000 auth=A1B2C3
 *      -> mir 0210 rc=00 auth=A1B2C3, recorded APPROVED before it left
 * </pre>
 */
class InterlinkScenarioTest extends ScenarioTestBase {
    static final String SHETAB_CARD = "6037990000000006";


    static IsoMessage mirPurchase(String stan, long kopecks) throws Exception {
        IsoMessage m = new IsoCodec(Dialects.builtIn("mir")).newMessage().setMti("0200");
        m.set(2, SHETAB_CARD).set(3, "000000").set(4, kopecks).set(7, "1125103015")
                .set(11, stan).set(12, "133015").set(13, "1125").set(14, "2812")
                .set(18, "5411").set(22, "051").set(32, "220001").set(37, "5330100" + stan
                        .substring(1)).set(41, "TERM0001").set(42, "MERCHANT0000001")
                .set(43, "CASPIAN TEST SHOP        MOSCOW       RU").set(49, "643");
        return m;
    }

    /**
     * The mir acquirer's reversal (0420) of {@code purchase}, sent at {@code de7} with its
     * own {@code stan} and reason {@code rc}; DE 90 names the purchase by STAN and DE 7.
     */
    static IsoMessage mirReversal(IsoMessage purchase, String stan, String de7, String rc)
            throws Exception {
        IsoMessage r = new IsoCodec(Dialects.builtIn("mir")).newMessage().setMti("0420");
        for (int f : new int[] {2, 3, 4, 12, 13, 18, 22, 32, 37, 41, 42, 49}) {
            r.copyFrom(purchase, f);
        }
        return r.set(7, de7).set(11, stan).set(39, rc).set(90, "0200"
                + purchase.getString(11) + purchase.getString(7) + "00000220001"
                + "00000000000");
    }

    static IsoMessage shetabAnswer(IsoMessage request, String action, String auth)
            throws Exception {
        IsoMessage r = new IsoCodec(Dialects.builtIn("shetab")).newMessage();
        r.setMti(String.valueOf(Integer.parseInt(request.mti()) + 10));
        for (int f : new int[] {2, 3, 4, 7, 11, 12, 32, 33, 37, 41, 90}) {
            r.copyFrom(request, f);
        }
        r.set(39, action);
        if (auth != null) {
            r.set(38, auth);
        }
        return r;
    }

    private TransactionRecord onlyRecord() {
        List<TransactionRecord> all = h.store.createdSince(java.time.Instant.EPOCH);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void shetabCardAtARussianShopIsConvertedForwardedAndApprovedAfterItIsDurable()
            throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.from("mir", mirPurchase("000101", 150_000));

        IsoMessage toIssuer = h.shetab.next();
        assertThat(toIssuer.mti()).isEqualTo("2200");
        assertThat(toIssuer.getString(2)).isEqualTo(SHETAB_CARD);
        assertThat(toIssuer.getString(4)).isEqualTo("3640000000666600");
        assertThat(toIssuer.getString(11)).hasSize(12).isNotEqualTo("000000000101");
        assertThat(toIssuer.getString(24)).isEqualTo("200");
        assertThat(toIssuer.getString(32)).isEqualTo("60379900001");
        assertThat(h.store.createdSince(java.time.Instant.EPOCH).get(0).state())
                .isEqualTo(TransactionState.SENT);

        h.from("shetab", shetabAnswer(toIssuer, "0000", "A1B2C3"));
        IsoMessage reply = h.mir.next();
        assertThat(reply.mti()).isEqualTo("0210");
        assertThat(reply.getString(39)).isEqualTo("00");
        assertThat(reply.getString(38)).isEqualTo("A1B2C3");
        assertThat(reply.getString(11)).isEqualTo("000101");
        assertThat(reply.getString(6)).isEqualTo("000000666600");

        TransactionRecord t = onlyRecord();
        assertThat(t.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(t.acquirerAmount().minor()).isEqualTo(150_000);
        assertThat(t.issuerAmount().minor()).isEqualTo(666_600);
        assertThat(t.issuerAmount().currency()).isEqualTo(364);
        assertThat(t.pan().masked()).isEqualTo("603799******0006");
        assertThat(t.responseCode()).isEqualTo("00");
        assertThat(t.issuerResponseCode()).isEqualTo("0000");
        assertThat(h.store.history(t.id())).extracting(c -> c.to().name())
                .containsExactly("RECEIVED", "ROUTED", "SENT", "APPROVED");
    }

    @Test
    void pinBlockLeavesUnderTheIssuersZoneKeyInItsFormat() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        EncryptedPinBlock underMir = h.pinBlock(SHETAB_CARD, "1234", "zpk.mir",
                PinBlockFormat.ISO_0);
        IsoMessage request = mirPurchase("000102", 100_00);
        request.setBytes(52, underMir.bytes());
        h.from("mir", request);

        IsoMessage toIssuer = h.shetab.next();
        byte[] translated = toIssuer.getBytes(52);
        assertThat(translated).hasSize(16).isNotEqualTo(underMir.bytes());
        // Translating the issuer's block back gives the acquirer's format-0 block again.
        EncryptedPinBlock back = h.hsm.execute(new HsmCommand.TranslatePin(
                KeyRef.current("zpk.shetab"), PinBlockFormat.ISO_4, KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, Pan.of(SHETAB_CARD), new EncryptedPinBlock(translated)))
                .orElseThrow().pinBlock();
        assertThat(back.bytes()).isEqualTo(underMir.bytes());
    }

    @Test
    void issuerSilenceTimesOutOwesAReversalAndRepeatsItUntilAcknowledged() throws Exception {
        h = new Harness(dir, 200, StandInRules.disabled());
        h.from("mir", mirPurchase("000103", 150_000));
        IsoMessage toIssuer = h.shetab.next();

        IsoMessage reply = h.mir.next();
        assertThat(reply.getString(39)).isEqualTo("91");

        IsoMessage reversal = h.shetab.next();
        assertThat(reversal.mti()).isEqualTo("2420");
        assertThat(reversal.getString(4)).isEqualTo(toIssuer.getString(4));
        assertThat(reversal.getString(90)).startsWith("2200" + toIssuer.getString(11));
        assertThat(reversal.getString(25)).isEqualTo("4021");
        IsoMessage repeat = h.shetab.next();
        assertThat(repeat.mti()).isEqualTo("2421");

        h.from("shetab", shetabAnswer(toIssuer, "0000", "LATE01"));
        assertThat(h.mir.none(300)).as("a late approval is never passed on").isNull();

        h.from("shetab", shetabAnswer(repeat, "0400", null));
        awaitState(TransactionState.REVERSED);
        assertThat(h.stats.get("late_approvals")).isEqualTo(1);
    }

    @Test
    void aRepeatedRequestGetsTheFirstReplyAndIsForwardedOnce() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.from("mir", mirPurchase("000104", 5_000));
        IsoMessage toIssuer = h.shetab.next();
        h.from("shetab", shetabAnswer(toIssuer, "0000", "OK0001"));
        IsoMessage first = h.mir.next();

        h.from("mir", mirPurchase("000104", 5_000));
        IsoMessage second = h.mir.next();
        assertThat(second.getString(39)).isEqualTo(first.getString(39));
        assertThat(second.getString(38)).isEqualTo("OK0001");
        assertThat(h.shetab.none(200)).isNull();
        assertThat(h.store.createdSince(java.time.Instant.EPOCH)).hasSize(1);
    }

    @Test
    void unknownIinIsDeclinedInvalidCardWithoutAskingAnyIssuer() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        IsoMessage request = mirPurchase("000105", 5_000);
        request.set(2, "4111111111111111");
        h.from("mir", request);
        assertThat(h.mir.next().getString(39)).isEqualTo("14");
        assertThat(h.shetab.none(200)).isNull();
        assertThat(onlyRecord().state()).isEqualTo(TransactionState.DECLINED);
    }

    @Test
    void issuerDownStandsInWithinLimitsAndAdvisesWhenTheLinkReturns() throws Exception {
        h = new Harness(dir, 2_000, Harness.standInUpTo(1_000_000));
        h.shetab.up = false;
        h.from("mir", mirPurchase("000106", 150_000));
        IsoMessage reply = h.mir.next();
        assertThat(reply.getString(39)).isEqualTo("00");
        assertThat(reply.getString(38)).startsWith("S");

        h.from("mir", mirPurchase("000107", 90_000_000));
        assertThat(h.mir.next().getString(39)).isEqualTo("91");

        h.shetab.up = true;
        h.onEngine(() -> h.engine.onLinkUp("shetab"));
        IsoMessage advice = h.shetab.next();
        assertThat(advice.mti()).isEqualTo("2220");
        assertThat(advice.getString(4)).isEqualTo("3640000000666600");
        assertThat(advice.getString(38)).isEqualTo(reply.getString(38));
        h.from("shetab", shetabAnswer(advice, "0000", null));
        awaitState(TransactionState.ADVISED);
    }

    @Test
    void acquirerReversalIsAcknowledgedAtOnceAndForwardedToTheIssuer() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        IsoMessage purchase = mirPurchase("000108", 150_000);
        h.from("mir", purchase);
        IsoMessage toIssuer = h.shetab.next();
        h.from("shetab", shetabAnswer(toIssuer, "0000", "OK0002"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");

        IsoMessage reversal = mirReversal(purchase, "000109", "1125103115", "17");
        h.from("mir", reversal);
        IsoMessage ack = h.mir.next();
        assertThat(ack.mti()).isEqualTo("0430");
        assertThat(ack.getString(39)).isEqualTo("00");

        IsoMessage forwarded = h.shetab.next();
        assertThat(forwarded.mti()).isEqualTo("2420");
        assertThat(forwarded.getString(4)).isEqualTo("3640000000666600");
        assertThat(forwarded.getString(90)).startsWith("2200" + toIssuer.getString(11));
    }

    private void awaitState(TransactionState state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<TransactionRecord> all = h.store.createdSince(java.time.Instant.EPOCH);
            if (all.stream().anyMatch(t -> t.state() == state)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no transaction reached " + state);
    }
}
