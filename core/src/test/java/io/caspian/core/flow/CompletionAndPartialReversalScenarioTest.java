package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.mirReversal;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages that follow an original, at the original's rate (RUB to IRR 440 + 1 % = 444.4):
 *
 * <pre>
 * completion of an authorization (mir acquirer, shetab issuer):
 * mir    -> 0100 stan=000301 amount=150000 (1,500.00 RUB)  -> shetab 2100 amount=666600
 * shetab -> 2110 0000 auth=AUTH01                           -> mir 0110 rc=00
 * mir    -> 0220 stan=000302 amount=120000 DE90=0100 000301 -> mir 0230 rc=00 at once
 *        -> shetab 2220 amount=533280 auth=AUTH01 DE90=2100+our STAN; repeat 2221, same STAN
 * shetab -> 2230                                            => completion ADVISED
 *
 * partial reversal with DE 95 (mir acquirer, DE 4 = original, DE 95 = what remains):
 * mir    -> 0420 amount=150000 DE95=000000100000... (1,000.00 RUB remains)
 *        -> shetab 2420 amount=222200 (666,600 - 1,000 x 444.4), DE 4 only: no DE 95 there
 *
 * partial reversal towards a dialect with DE 95 (shetab acquirer, mir issuer):
 * shetab -> 2200 amount=IRR 1,000,000  -> mir 0200 amount=225 x 1.01 ... (RUB 2,272.50)
 * shetab -> 2420 amount=IRR 400,000 (the part reversed)
 *        -> mir 0420 DE 4 = original RUB, DE 95 = what remains, converted at the same rate
 * </pre>
 */
class CompletionAndPartialReversalScenarioTest extends ScenarioTestBase {
    static final String MIR_CARD = "2200000000000004";

    @Test
    void completionAdviceIsAcknowledgedAtOnceAndForwardedConvertedUntilAcknowledged()
            throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        IsoMessage auth = mirPurchase("000301", 150_000).setMti("0100");
        h.from("mir", auth);
        IsoMessage toIssuer = h.shetab.next();
        assertThat(toIssuer.mti()).isEqualTo("2100");
        h.from("shetab", shetabAnswer(toIssuer, "0000", "AUTH01"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");

        IsoMessage completion = mirPurchase("000302", 120_000).setMti("0220");
        completion.set(7, "1125110000").set(38, "AUTH01")
                .set(90, "0100000301112510301500000220001" + "00000000000");
        h.from("mir", completion);
        IsoMessage ack = h.mir.next();
        assertThat(ack.mti()).isEqualTo("0230");
        assertThat(ack.getString(39)).isEqualTo("00");

        IsoMessage advice = h.shetab.next();
        assertThat(advice.mti()).isEqualTo("2220");
        assertThat(advice.getString(4)).isEqualTo("3640000000533280");
        assertThat(advice.getString(38)).isEqualTo("AUTH01");
        assertThat(advice.getString(90)).startsWith("2100" + toIssuer.getString(11));
        assertThat(advice.getString(11)).isNotEqualTo(toIssuer.getString(11));
        IsoMessage repeat = h.shetab.next();
        assertThat(repeat.mti()).isEqualTo("2221");
        assertThat(repeat.getString(11)).isEqualTo(advice.getString(11));

        h.from("shetab", shetabAnswer(repeat, "0000", null));
        TransactionRecord done = await(TransactionState.ADVISED);
        assertThat(done.acquirerAmount().minor()).isEqualTo(120_000);
        assertThat(done.issuerAmount().minor()).isEqualTo(533_280);
        assertThat(done.originalId()).isNotNull();
        assertThat(h.store.pendingSaf(10)).isEmpty();
    }

    @Test
    void completionOfAnUnknownAuthorizationIsAcknowledgedAndNotForwarded() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        IsoMessage completion = mirPurchase("000303", 120_000).setMti("0220");
        completion.set(90, "0100000999112510301500000220001" + "00000000000");
        h.from("mir", completion);
        assertThat(h.mir.next().mti()).isEqualTo("0230");
        assertThat(h.shetab.none(300)).isNull();
        assertThat(await(TransactionState.DECLINED).originalId()).isNull();
    }

    @Test
    void partialReversalWithReplacementAmountsReversesTheConvertedDifference()
            throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        IsoMessage purchase = mirPurchase("000304", 150_000);
        h.from("mir", purchase);
        IsoMessage toIssuer = h.shetab.next();
        h.from("shetab", shetabAnswer(toIssuer, "0000", "OK0304"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");

        IsoMessage reversal = mirReversal(purchase, "000305", "1125103115", "17")
                .set(95, "000000100000" + "000000100000" + "C00000000" + "C00000000");
        h.from("mir", reversal);
        assertThat(h.mir.next().mti()).isEqualTo("0430");

        IsoMessage forwarded = h.shetab.next();
        assertThat(forwarded.mti()).isEqualTo("2420");
        assertThat(forwarded.getString(4)).isEqualTo("3640000000222200");
        assertThat(forwarded.has(95)).isFalse();
        TransactionRecord r = reversalRow();
        assertThat(r.acquirerAmount().minor()).isEqualTo(50_000);
        assertThat(r.issuerAmount().minor()).isEqualTo(222_200);
    }

    @Test
    void partialReversalTowardsADialectWithReplacementAmountsCarriesDe95() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        IsoMessage purchase = shetabPurchase("000000000401", 1_000_000);
        h.from("shetab", purchase);
        IsoMessage toIssuer = h.mir.next();
        assertThat(toIssuer.mti()).isEqualTo("0200");
        // 1,000,000 IRR x 0.00225 x 1.01 = 2,272.50 RUB
        assertThat(toIssuer.getLong(4)).isEqualTo(227_250);
        IsoMessage answer = new IsoCodec(Dialects.builtIn("mir")).newMessage().setMti("0210");
        for (int f : new int[] {2, 3, 4, 7, 11, 12, 13, 32, 37, 41, 49}) {
            answer.copyFrom(toIssuer, f);
        }
        answer.set(39, "00").set(38, "OK0401");
        h.from("mir", answer);
        assertThat(h.shetab.next().getString(39)).isEqualTo("0000");

        IsoMessage reversal = new IsoCodec(Dialects.builtIn("shetab")).newMessage()
                .setMti("2420");
        for (int f : new int[] {2, 3, 12, 32, 37, 41, 42}) {
            reversal.copyFrom(purchase, f);
        }
        reversal.set(4, "3640000000400000").set(7, "1125103115").set(11, "000000000402")
                .set(24, "400").set(25, "4000")
                .set(90, "2200000000000401" + purchase.getString(12) + "60379900001"
                        + "60379900001");
        h.from("shetab", reversal);
        assertThat(h.shetab.next().mti()).isEqualTo("2430");

        IsoMessage forwarded = h.mir.next();
        assertThat(forwarded.mti()).isEqualTo("0420");
        // 600,000 IRR remain: 600,000 x 0.002 2725 = 1,363.50 RUB; reversed 2,272.50 - 1,363.50
        assertThat(forwarded.getLong(4)).isEqualTo(227_250);
        assertThat(forwarded.getString(95)).isEqualTo(
                "000000136350" + "000000136350" + "C00000000" + "C00000000");
        TransactionRecord r = reversalRow();
        assertThat(r.issuerAmount().minor()).isEqualTo(227_250 - 136_350);
        assertThat(r.acquirerAmount().minor()).isEqualTo(400_000);
    }

    static IsoMessage shetabPurchase(String stan, long rials) throws Exception {
        IsoMessage m = new IsoCodec(Dialects.builtIn("shetab")).newMessage().setMti("2200");
        m.set(2, MIR_CARD).set(3, "000000").set(4, "3640" + pad12(rials))
                .set(7, "1125103015").set(11, stan).set(12, "20251125140015")
                .set(14, "2812").set(22, "051").set(24, "200").set(32, "60379900001")
                .set(37, "533010" + stan.substring(6)).set(41, "TERM0002")
                .set(42, "MERCHANT0000002").set(43, "CASPIAN TEST SHOP>TEHRAN>IR");
        return m;
    }

    private static String pad12(long v) {
        String s = Long.toString(v);
        return "0".repeat(12 - s.length()) + s;
    }

    private TransactionRecord reversalRow() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            for (TransactionRecord t : h.store.createdSince(Instant.EPOCH)) {
                if (t.originalId() != null) {
                    return t;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no reversal recorded");
    }

    private TransactionRecord await(TransactionState state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<TransactionRecord> all = h.store.createdSince(Instant.EPOCH);
            for (TransactionRecord t : all) {
                if (t.state() == state) {
                    return t;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no transaction reached " + state);
    }
}
