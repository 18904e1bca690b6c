package io.caspian.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.SimTestKit;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerRequest;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.wire.WireModel;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acquirer's follow-ups of approvals against the issuer directly: completion advices
 * and partial reversals leave the issuer's ledger and the acquirer's own count equal.
 */
class CompletionTest {
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

    private int currency(String scheme) {
        return SimTestKit.currency(scheme).numeric();
    }

    /**
     * <pre>
     * x100 4,000 approved, posted      -> balance 6,000
     * x220 3,200 DE90=x100, DE38 as approved -> 800 back, balance 6,800; x230
     * x221 (repeat)                    -> no second effect
     * </pre>
     */
    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void aCompletionForLessBringsTheAuthorizationToItsFinalAmount(String scheme) {
        setUp(scheme);
        acquirer.followUps(1.0, 80, 0);
        acquirer.submit(AcquirerRequest.authorization(SimTestKit.terminal(TerminalType.ECOM),
                card, 4_000)).join();

        IsoMessage completion = trace.stream().filter(m -> WireModel.kind(m) == 220)
                .findFirst().orElseThrow();
        IsoMessage authorizationReply = trace.get(1);
        assertThat(completion.getString(38)).isEqualTo(authorizationReply.getString(38));
        assertThat(completion.getString(90)).startsWith(trace.get(0).mti());
        assertThat(trace.get(trace.size() - 1).mti()).endsWith("230");
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(6_800);
        assertThat(issuer.ledger().netDebitsMinor()).isEqualTo(3_200);
        assertThat(acquirer.stats().netApprovedDebitsMinor(currency(scheme)))
                .isEqualTo(3_200);
        assertThat(acquirer.stats().completionsAcknowledged()).isEqualTo(1);

        assertThat(issuer.handle(completion.copy().setMti(model.mti(221))).mti())
                .endsWith("230");
        assertThat(issuer.account(card.pan()).balanceMinor()).isEqualTo(6_800);
        assertThat(issuer.completions()).isEqualTo(1);
    }

    /** The demo's completions: a random whole 70-100 % of each authorization. */
    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void completionsForARangeOfPercentsStayInItAndReachTheLedger(String scheme) {
        setUp(scheme);
        acquirer.followUps(1.0, 70, 100, 0);
        for (int i = 0; i < 5; i++) {
            acquirer.submit(AcquirerRequest.authorization(
                    SimTestKit.terminal(TerminalType.ECOM), card, 1_000)).join();
        }
        List<Long> finals = trace.stream().filter(m -> WireModel.kind(m) == 220)
                .map(m -> model.amount(m).minorAt(SimTestKit.currency(scheme).exponent()))
                .toList();
        assertThat(finals).hasSize(5).allSatisfy(f -> assertThat(f).isBetween(700L, 1_000L));
        long total = finals.stream().mapToLong(Long::longValue).sum();
        assertThat(issuer.ledger().netDebitsMinor()).isEqualTo(total);
        assertThat(acquirer.stats().netApprovedDebitsMinor(currency(scheme))).isEqualTo(total);
        assertThatThrownBy(() -> acquirer.followUps(0.5, 90, 80, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void aCompletionForTheFullAmountChangesNothing(String scheme) {
        setUp(scheme);
        acquirer.followUps(1.0, 100, 0);
        acquirer.submit(AcquirerRequest.authorization(SimTestKit.terminal(TerminalType.ECOM),
                card, 4_000)).join();
        assertThat(issuer.ledger().size()).isEqualTo(1);
        assertThat(issuer.ledger().netDebitsMinor()).isEqualTo(4_000);
        assertThat(acquirer.stats().netApprovedDebitsMinor(currency(scheme)))
                .isEqualTo(4_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void aPartialReversalLeavesBothSidesAtWhatRemains(String scheme) {
        setUp(scheme);
        acquirer.followUps(0, 100, 1.0);
        acquirer.submit(AcquirerRequest.purchase(SimTestKit.terminal(TerminalType.POS), card,
                4_000, false)).join();

        IsoMessage reversal = trace.stream().filter(m -> WireModel.kind(m) == 420)
                .findFirst().orElseThrow();
        assertThat(reversal.has(95)).isEqualTo(model.hasReplacementAmounts());
        long net = issuer.ledger().netDebitsMinor();
        assertThat(net).isBetween(400L, 3_600L);
        assertThat(acquirer.stats().netApprovedDebitsMinor(currency(scheme))).isEqualTo(net);
        assertThat(acquirer.stats().partialReversalsSent()).isEqualTo(1);
    }
}
