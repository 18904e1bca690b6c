package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.mirReversal;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.SafKind;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The issuer is up but silent, and its stand-in rules allow the request:
 *
 * <pre>
 * mir    -> 0200 stan=000201 amount=150000 ccy=643
 *        -> shetab 2200 stan=A amount=666600 (no answer within 200 ms)
 *        -> mir 0210 rc=00 auth=S*****            (stood in, recorded before it left)
 *        -> shetab 2420 DE90=2200+A reason=4021   (the issuer may have approved A)
 *        -> shetab 2220 stan=B amount=666600 auth=S*****  (book the stand-in approval)
 * shetab -> 2210 0000 (late: swallowed, the reversal cancels it)
 * shetab -> 2430 ; shetab -> 2230
 *        => ADVICE_PENDING -> ADVISED, nothing owed
 * </pre>
 */
class StandInOnTimeoutScenarioTest extends ScenarioTestBase {

    @Test
    void issuerTimeoutWithinTheRulesStandsInReversesTheRequestAndAdvisesTheApproval()
            throws Exception {
        h = new Harness(dir, 200, Harness.standInUpTo(1_000_000));
        h.from("mir", mirPurchase("000201", 150_000));
        IsoMessage request = h.shetab.next();
        assertThat(request.mti()).isEqualTo("2200");

        IsoMessage reply = h.mir.next();
        assertThat(reply.mti()).isEqualTo("0210");
        assertThat(reply.getString(39)).isEqualTo("00");
        assertThat(reply.getString(38)).startsWith("S");
        TransactionRecord stood = only();
        assertThat(stood.state()).isEqualTo(TransactionState.ADVICE_PENDING);
        assertThat(stood.stoodIn()).isTrue();

        IsoMessage reversal = h.shetab.next();
        assertThat(reversal.mti()).isEqualTo("2420");
        assertThat(reversal.getString(90)).startsWith("2200" + request.getString(11));
        assertThat(reversal.getString(25)).isEqualTo("4021");
        assertThat(reversal.getString(4)).isEqualTo(request.getString(4));
        IsoMessage advice = h.shetab.next();
        assertThat(advice.mti()).isEqualTo("2220");
        assertThat(advice.getString(11)).isNotEqualTo(request.getString(11));
        assertThat(advice.getString(4)).isEqualTo("3640000000666600");
        assertThat(advice.getString(38)).isEqualTo(reply.getString(38));

        h.from("shetab", shetabAnswer(request, "0000", "LATE01"));
        assertThat(h.mir.none(300)).as("a late approval is never passed on").isNull();

        h.from("shetab", shetabAnswer(reversal, "0400", null));
        h.from("shetab", shetabAnswer(advice, "0000", null));
        awaitNothingOwed();
        assertThat(only().state()).isEqualTo(TransactionState.ADVISED);
        assertThat(h.store.history(stood.id())).extracting(c -> c.to().name())
                .containsExactly("RECEIVED", "ROUTED", "SENT", "TIMED_OUT", "STOOD_IN",
                        "ADVICE_PENDING", "ADVISED");
        assertThat(h.stats.get("stood_in_after_timeout")).isEqualTo(1);
    }

    @Test
    void issuerTimeoutOutsideTheRulesIsDeclinedAndOnlyReversed() throws Exception {
        h = new Harness(dir, 200, Harness.standInUpTo(1_000));
        h.from("mir", mirPurchase("000202", 150_000));
        IsoMessage request = h.shetab.next();
        assertThat(h.mir.next().getString(39)).isEqualTo("91");
        IsoMessage reversal = h.shetab.next();
        assertThat(reversal.mti()).isEqualTo("2420");
        h.from("shetab", shetabAnswer(reversal, "0400", null));
        assertThat(h.shetab.none(300)).as("no advice for a decline").satisfiesAnyOf(
                m -> assertThat(m).isNull(), m -> assertThat(m.mti()).isEqualTo("2421"));
        assertThat(request.mti()).isEqualTo("2200");
    }

    @Test
    void afterARestartBothTheReversalAndTheAdviceAreStillOwed() throws Exception {
        h = new Harness(dir, 200, Harness.standInUpTo(1_000_000));
        h.shetab.up = true;
        h.from("mir", mirPurchase("000203", 150_000));
        IsoMessage request = h.shetab.next();
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.shetab.up = false;
        h.restart();
        assertThat(h.store.pendingSaf(10)).extracting(i -> i.kind())
                .containsExactlyInAnyOrder(SafKind.REVERSAL, SafKind.ADVICE);
        h.shetab.sent.clear();
        h.shetab.up = true;
        h.onEngine(() -> h.engine.onLinkUp("shetab"));
        // Both are owed; the retry timer and the link-up may each send one first, and a
        // repeat (x421, x221) may come before the other: take the first of each kind.
        IsoMessage reversal = null;
        IsoMessage advice = null;
        for (int seen = 0; reversal == null || advice == null; seen++) {
            assertThat(seen).as("a reversal and an advice within 10 messages").isLessThan(10);
            IsoMessage m = h.shetab.next();
            if (m.mti().startsWith("242") && reversal == null) {
                reversal = m;
            } else if (m.mti().startsWith("222") && advice == null) {
                advice = m;
            }
        }
        assertThat(reversal.getString(90)).startsWith("2200" + request.getString(11));
        assertThat(advice.getString(11)).isNotEqualTo(request.getString(11));
        h.from("shetab", shetabAnswer(reversal, "0400", null));
        h.from("shetab", shetabAnswer(advice, "0000", null));
        awaitNothingOwed();
        assertThat(only().state()).isEqualTo(TransactionState.ADVISED);
    }

    /**
     * <pre>
     * mir -> 0200 stan=000204 -> shetab 2200 stan=A (silent) -> mir 0210 rc=00 (stand-in)
     *     -> shetab 2420 DE90=2200+A ; -> shetab 2220 stan=B   (both acknowledged)
     * mir -> 0420 DE90=0200 000204 -> mir 0430
     *     -> shetab 2420 DE90=2220+B: the acquirer reverses what the issuer booked, the advice
     * </pre>
     */
    @Test
    void anAcquirerReversalOfAStandInAfterATimeoutReversesTheAdvice() throws Exception {
        h = new Harness(dir, 200, Harness.standInUpTo(1_000_000));
        IsoMessage purchase = mirPurchase("000204", 150_000);
        h.from("mir", purchase);
        h.shetab.next();
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        IsoMessage timeoutReversal = h.shetab.next();
        IsoMessage advice = h.shetab.next();
        h.from("shetab", shetabAnswer(timeoutReversal, "0400", null));
        h.from("shetab", shetabAnswer(advice, "0000", null));
        awaitNothingOwed();
        h.shetab.sent.clear();

        IsoMessage reversal = mirReversal(purchase, "000205", "1125103115", "17");
        h.from("mir", reversal);
        assertThat(h.mir.next().mti()).isEqualTo("0430");
        IsoMessage forwarded = h.shetab.next();
        assertThat(forwarded.mti()).isEqualTo("2420");
        assertThat(forwarded.getString(90)).startsWith("2220" + advice.getString(11)
                + advice.getString(12));
    }

    /**
     * The advice's numbering survives a restart: its repeat keeps its STAN and DE 12, and an
     * acquirer's reversal after the restart names the advice, not the reversed request.
     *
     * <pre>
     * mir -> 0200 stan=000206 -> shetab 2200 stan=A (silent) -> mir 0210 rc=00 (stand-in)
     *     -> shetab 2420 DE90=2200+A (acknowledged) ; -> shetab 2220 stan=B (unanswered)
     * restart
     *     -> shetab 2221 stan=B, same DE 12 (acknowledged)
     * mir -> 0420 DE90=0200 000206 -> mir 0430 -> shetab 2420 DE90=2220+B
     * </pre>
     */
    @Test
    void afterARestartTheAdviceKeepsItsNumberingAndAnAcquirerReversalNamesIt()
            throws Exception {
        h = new Harness(dir, 200, Harness.standInUpTo(1_000_000));
        IsoMessage purchase = mirPurchase("000206", 150_000);
        h.from("mir", purchase);
        IsoMessage request = h.shetab.next();
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        IsoMessage timeoutReversal = h.shetab.next();
        IsoMessage advice = h.shetab.next();
        assertThat(advice.mti()).isEqualTo("2220");
        h.from("shetab", shetabAnswer(timeoutReversal, "0400", null));
        assertThat(only().advice()).as("the advice's numbering is on the record").isNotNull();
        assertThat(only().advice().stan()).isEqualTo(advice.getString(11));

        h.shetab.up = false;
        h.restart();
        h.shetab.sent.clear();
        h.shetab.up = true;
        h.onEngine(() -> h.engine.onLinkUp("shetab"));
        IsoMessage repeat = h.shetab.next();
        assertThat(repeat.mti()).isIn("2220", "2221");
        assertThat(repeat.getString(11)).isEqualTo(advice.getString(11));
        assertThat(repeat.getString(12)).isEqualTo(advice.getString(12));
        assertThat(repeat.getString(38)).isEqualTo(advice.getString(38));
        h.from("shetab", shetabAnswer(repeat, "0000", null));
        awaitNothingOwed();

        h.restart();
        h.shetab.sent.clear();
        IsoMessage reversal = mirReversal(purchase, "000207", "1125103115", "17");
        h.from("mir", reversal);
        assertThat(h.mir.next().mti()).isEqualTo("0430");
        IsoMessage forwarded = h.shetab.next();
        assertThat(forwarded.mti()).isEqualTo("2420");
        assertThat(forwarded.getString(90)).startsWith("2220" + advice.getString(11)
                + advice.getString(12));
        assertThat(forwarded.getString(90)).doesNotContain(request.getString(11)
                + request.getString(12));
    }

    /**
     * The acquirer gives up before the issuer's timeout (its own timer is shorter):
     *
     * <pre>
     * mir -> 0200 stan=000208 -> shetab 2200 stan=A (silent)
     * mir -> 0420 DE90=0200 000208 -> mir 0430 ; -> shetab 2420 DE90=2200+A reason=4000
     *     (timeout) -> mir 0210 rc=91: no stand-in for what the acquirer already reversed,
     *     so no advice the issuer would book and nobody would reverse
     * </pre>
     */
    @Test
    void noStandInAfterATimeoutWhenTheAcquirerHasAlreadyReversed() throws Exception {
        h = new Harness(dir, 1_000, Harness.standInUpTo(1_000_000));
        IsoMessage purchase = mirPurchase("000208", 150_000);
        h.from("mir", purchase);
        IsoMessage request = h.shetab.next();

        IsoMessage reversal = mirReversal(purchase, "000209", "1125103016", "68");
        h.from("mir", reversal);
        assertThat(h.mir.next().mti()).isEqualTo("0430");
        IsoMessage forwarded = h.shetab.next();
        assertThat(forwarded.mti()).isEqualTo("2420");
        assertThat(forwarded.getString(90)).startsWith("2200" + request.getString(11));

        IsoMessage reply = h.mir.next();
        assertThat(reply.mti()).isEqualTo("0210");
        assertThat(reply.getString(39)).isEqualTo("91");
        h.from("shetab", shetabAnswer(forwarded, "0400", null));
        IsoMessage m;
        for (int seen = 0; (m = h.shetab.none(500)) != null; seen++) {
            assertThat(seen).as("reversals stop once acknowledged").isLessThan(10);
            assertThat(m.mti()).as("only reversals of A, never a stand-in advice")
                    .startsWith("242");
            assertThat(m.getString(90)).startsWith("2200" + request.getString(11));
            h.from("shetab", shetabAnswer(m, "0400", null));
        }
        assertThat(h.stats.get("stood_in_after_timeout")).isZero();
    }

    private TransactionRecord only() {
        List<TransactionRecord> all = h.store.createdSince(Instant.EPOCH);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void awaitNothingOwed() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            if (h.store.pendingSaf(10).isEmpty()
                    && only().state() == TransactionState.ADVISED) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("still owed: " + h.store.pendingSaf(10));
    }
}
