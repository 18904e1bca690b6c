package io.caspian.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.SimTestKit;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerRequest;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.wire.Outcome;
import io.caspian.sim.wire.WireModel;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reversals, repeats, duplicates and advices: idempotent, and never a double effect. */
class ReversalTest {
    @TempDir
    Path directory;

    private SimTestKit kit;
    private WireModel model;
    private TestCard card;
    private IssuerHost issuer;
    private List<IsoMessage> trace;
    private Acquirer acquirer;

    private void setUp(String scheme) {
        kit = new SimTestKit(directory);
        model = SimTestKit.model(scheme);
        card = kit.cards(scheme, 5).issue(CardStatus.ACTIVE, YearMonth.of(2029, 1), 10_000);
        issuer = new IssuerHost(model, kit.issuerSettings(scheme), kit.hsm,
                kit.scheduler.clock(), List.of(card));
        acquirer = kit.acquirer(scheme, 0);
        trace = SimTestKit.loop(acquirer, issuer);
    }

    /** A reversal of {@code original} the way a switch writes one. */
    static IsoMessage reversalOf(WireModel model, IsoMessage original, long stan) {
        IsoMessage r = model.newMessage(420);
        for (int f : model.reversalCopiedFields()) {
            if (original.has(f)) {
                r.copyFrom(original, f);
            }
        }
        r.set(7, original.getString(7)).set(11, stan);
        model.setRequestCodes(r, 420);
        model.setReversalReason(r, true);
        r.set(90, model.originalDataElements(original));
        return r;
    }

    private IsoMessage purchase(long amount) {
        acquirer.submit(AcquirerRequest.purchase(SimTestKit.terminal(TerminalType.POS), card,
                amount, false)).join();
        return trace.get(trace.size() - 2);
    }

    /**
     * <pre>
     * 0200 4,000 posted -> balance 6,000
     * mir:    0420 DE 4 = 4,000, DE 95 = 1,500 remains -> 2,500 back, balance 8,500
     * shetab: 2420 DE 4 = 2,500 (the part reversed)     -> 2,500 back, balance 8,500
     * </pre>
     */
    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void partialReversalTakesBackOnlyThePartReversed(String scheme) {
        setUp(scheme);
        IsoMessage original = purchase(4_000);
        IsoMessage reversal = reversalOf(model, original, 901);
        if (scheme.equals("mir")) {
            reversal.set(95, "000000001500" + "000000001500" + "C00000000" + "C00000000");
        } else {
            model.setAmount(reversal, new io.caspian.sim.wire.Money(2_500,
                    SimTestKit.currency(scheme).numeric(), 0));
        }
        assertThat(issuer.handle(reversal).mti()).endsWith("430");
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(8_500);
        assertThat(issuer.ledger().totalMinor(EntryKind.DEBIT_REVERSAL)).isEqualTo(2_500);
        assertThat(issuer.handle(reversal.copy().setMti(model.mti(421))).mti()).endsWith("430");
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(8_500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void reversalRestoresOnceAndRepeatsHaveNoEffect(String scheme) {
        setUp(scheme);
        IsoMessage original = purchase(4_000);
        IsoMessage reversal = reversalOf(model, original, 900);
        IsoMessage ack = issuer.handle(reversal);
        assertThat(ack.mti()).endsWith("430");
        assertThat(ack.getString(39)).isEqualTo(model.code(Outcome.REVERSAL_ACCEPTED));
        assertThat(ack.getString(90)).isEqualTo(reversal.getString(90));
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(10_000);

        IsoMessage repeat = reversal.copy().setMti(model.mti(421));
        assertThat(issuer.handle(repeat).mti()).endsWith("430");
        assertThat(issuer.handle(reversal).mti()).endsWith("430");
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(10_000);
        assertThat(issuer.ledger().count(EntryKind.DEBIT_REVERSAL)).isEqualTo(1);
        assertThat(issuer.counters().reversalsApplied()).isEqualTo(1);
        assertThat(issuer.counters().reversalsWithoutEffect()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void reversalOfAnUnknownOriginalIsAcknowledgedAndTheLateOriginalDeclined(String scheme) {
        setUp(scheme);
        IsoMessage original = model.newMessage(200);
        original.set(2, card.pan()).set(3, "000000").set(11, 77).set(37, "000000000077")
                .set(41, "PTERM001").set(32, "9990001").set(33, "9990001");
        model.setAmount(original, SimTestKit.currency(scheme).money(1_000));
        model.setTimes(original, SimTestKit.EPOCH);
        IsoMessage ack = issuer.handle(reversalOf(model, original, 78));
        assertThat(ack.getString(39)).isEqualTo(model.code(Outcome.REVERSAL_ACCEPTED));
        assertThat(issuer.ledger().size()).isZero();
        // The original arriving after its own reversal must not be approved.
        assertThat(issuer.handle(original).getString(39))
                .isEqualTo(model.code(Outcome.DO_NOT_HONOUR));
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void duplicateRequestGetsTheFirstAnswerWithoutASecondDebit(String scheme) {
        setUp(scheme);
        IsoMessage original = purchase(3_000);
        IsoMessage first = trace.get(trace.size() - 1);
        IsoMessage again = issuer.handle(original.copy());
        // The answer is remembered in wire form and decoded again: the very same fields.
        assertThat(again.mti()).isEqualTo(first.mti());
        assertThat(again.fieldNumbers()).isEqualTo(first.fieldNumbers());
        for (int f : first.fieldNumbers()) {
            assertThat(again.getBytes(f)).as("field %d", f).isEqualTo(first.getBytes(f));
        }
        assertThat(again.getString(38)).isEqualTo(first.getString(38));
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(7_000);
        assertThat(issuer.counters().duplicates()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void answersAreRememberedForTheAnswerMemoryOnly(String scheme) {
        setUp(scheme);
        IsoMessage original = purchase(1_000);
        kit.scheduler.advance(IssuerHost.ANSWER_MEMORY.toMillis() - 1_000);
        assertThat(issuer.handle(original.copy()).getString(38))
                .isEqualTo(trace.get(trace.size() - 1).getString(38));
        assertThat(issuer.rememberedAnswers()).isEqualTo(1);

        kit.scheduler.advance(2_000);
        purchase(1_000);
        assertThat(issuer.rememberedAnswers()).isEqualTo(1);
        assertThat(issuer.counters().duplicates()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void adviceIsPostedWhateverTheBalanceAndOnlyOnce(String scheme) {
        setUp(scheme);
        IsoMessage original = purchase(3_000);
        IsoMessage advice = original.copy().setMti(model.mti(220));
        advice.set(11, 555);
        model.setAmount(advice, SimTestKit.currency(scheme).money(50_000));
        IsoMessage answer = issuer.handle(advice);
        assertThat(answer.mti()).endsWith("230");
        assertThat(answer.getString(39)).isEqualTo(model.code(Outcome.APPROVED));
        issuer.handle(advice.copy().setMti(model.mti(221)));
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(10_000 - 53_000);
        assertThat(issuer.ledger().netDebitsMinor()).isEqualTo(53_000);
    }
}
