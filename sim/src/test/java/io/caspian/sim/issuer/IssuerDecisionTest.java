package io.caspian.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.SimTestKit;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerRequest;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.acquirer.Terminal;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.cards.TestCardFactory;
import io.caspian.sim.wire.Outcome;
import io.caspian.sim.wire.WireModel;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every decision an issuer makes, answered with each model's code, through the real HSM. */
class IssuerDecisionTest {
    private static final YearMonth VALID = YearMonth.of(2028, 12);
    @TempDir
    Path directory;

    private final class Scheme {
        final SimTestKit kit = new SimTestKit(directory);
        final WireModel model;
        final TestCardFactory factory;
        final TestCard card;
        final TestCard blocked;
        final TestCard restricted;
        final TestCard expired;
        final IssuerHost issuer;
        final Acquirer acquirer;
        final List<IsoMessage> trace;
        final Terminal pos = SimTestKit.terminal(TerminalType.POS);
        final Terminal atm = SimTestKit.terminal(TerminalType.ATM);

        Scheme(String scheme) {
            model = SimTestKit.model(scheme);
            factory = kit.cards(scheme, 3);
            card = factory.issue(CardStatus.ACTIVE, VALID, 100_000);
            blocked = factory.issue(CardStatus.BLOCKED, VALID, 100_000);
            restricted = factory.issue(CardStatus.RESTRICTED, VALID, 100_000);
            expired = factory.issue(CardStatus.ACTIVE, YearMonth.of(2025, 1), 100_000);
            issuer = new IssuerHost(model, kit.issuerSettings(scheme), kit.hsm,
                    kit.scheduler.clock(), List.of(card, blocked, restricted, expired));
            acquirer = kit.acquirer(scheme, 0);
            trace = SimTestKit.loop(acquirer, issuer);
        }

        AcquirerResult run(AcquirerRequest r) {
            return acquirer.submit(r).join();
        }

        String code(Outcome o) {
            return model.code(o);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void approvesAndDebits(String scheme) {
        Scheme s = new Scheme(scheme);
        AcquirerResult r = s.run(AcquirerRequest.purchase(s.pos, s.card, 40_000, true));
        assertThat(r.code()).isEqualTo(scheme.equals("mir") ? "00" : "0000");
        assertThat(r.approved()).isTrue();
        IsoMessage reply = s.trace.get(1);
        assertThat(reply.mti()).isEqualTo(scheme.equals("mir") ? "0210" : "2210");
        assertThat(reply.getString(38)).hasSize(6);
        assertThat(s.issuer.account(s.card.pan()).balanceMinor()).isEqualTo(60_000);
        assertThat(s.issuer.ledger().netDebitsMinor()).isEqualTo(40_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void declinesWithTheModelsCodes(String scheme) {
        Scheme s = new Scheme(scheme);
        assertThat(s.run(AcquirerRequest.purchase(s.pos, s.card, 100_001, false)).code())
                .isEqualTo(s.code(Outcome.INSUFFICIENT_FUNDS))
                .isEqualTo(scheme.equals("mir") ? "51" : "0116");
        assertThat(s.run(AcquirerRequest.cash(s.atm, s.card, 1_000).withWrongPin()).code())
                .isEqualTo(scheme.equals("mir") ? "55" : "0117");
        assertThat(s.run(AcquirerRequest.purchase(s.pos, s.expired, 1_000, false)).code())
                .isEqualTo(scheme.equals("mir") ? "54" : "0101");
        assertThat(s.run(AcquirerRequest.purchase(s.pos, s.blocked, 1_000, false)).code())
                .isEqualTo(scheme.equals("mir") ? "57" : "0119");
        assertThat(s.run(AcquirerRequest.cash(s.atm, s.restricted, 1_000)).code())
                .isEqualTo(scheme.equals("mir") ? "57" : "0119");
        TestCard unknown = s.factory.issue(CardStatus.ACTIVE, VALID, 0);
        assertThat(s.run(AcquirerRequest.purchase(s.pos, unknown, 1_000, false)).code())
                .isEqualTo(scheme.equals("mir") ? "14" : "0111");
        assertThat(s.issuer.ledger().size()).isZero();
        assertThat(s.issuer.account(s.card.pan()).balanceMinor()).isEqualTo(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void restrictedCardMayStillShop(String scheme) {
        Scheme s = new Scheme(scheme);
        assertThat(s.run(AcquirerRequest.purchase(s.pos, s.restricted, 1_000, false))
                .approved()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void statusChangesAtRuntime(String scheme) {
        Scheme s = new Scheme(scheme);
        s.issuer.setStatus(s.card.pan(), CardStatus.BLOCKED);
        assertThat(s.run(AcquirerRequest.purchase(s.pos, s.card, 1_000, false)).outcome())
                .isEqualTo(Outcome.TRANSACTION_NOT_PERMITTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void rightPinApprovesCashAndWrongPinDeclines(String scheme) {
        Scheme s = new Scheme(scheme);
        assertThat(s.run(AcquirerRequest.cash(s.atm, s.card, 5_000)).approved()).isTrue();
        AcquirerResult wrong = s.run(AcquirerRequest.cash(s.atm, s.card, 5_000).withWrongPin());
        assertThat(wrong.outcome()).isEqualTo(Outcome.INCORRECT_PIN);
        assertThat(s.issuer.account(s.card.pan()).balanceMinor()).isEqualTo(95_000);
        assertThat(s.issuer.counters().hsmRefusals()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void refundCreditsAndBalanceInquiryReportsDe54(String scheme) {
        Scheme s = new Scheme(scheme);
        assertThat(s.run(AcquirerRequest.refund(s.pos, s.card, 2_500)).approved()).isTrue();
        AcquirerResult balance = s.run(AcquirerRequest.balance(s.atm, s.card));
        assertThat(balance.approved()).isTrue();
        assertThat(balance.balance().minor()).isEqualTo(102_500);
        assertThat(balance.balance().currency()).isEqualTo(SimTestKit.currency(scheme).numeric());
        assertThat(s.issuer.ledger().netDebitsMinor()).isEqualTo(-2_500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void transferDebitsTheSourceCard(String scheme) {
        Scheme s = new Scheme(scheme);
        AcquirerResult r = s.run(AcquirerRequest.transfer(s.pos, s.card, 7_000,
                s.restricted.pan()));
        assertThat(r.approved()).isTrue();
        assertThat(s.issuer.account(s.card.pan()).balanceMinor()).isEqualTo(93_000);
        assertThat(s.run(AcquirerRequest.transfer(s.pos, s.restricted, 7_000, s.card.pan()))
                .outcome()).isEqualTo(Outcome.TRANSACTION_NOT_PERMITTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void authorizationIsAnsweredWithX110(String scheme) {
        Scheme s = new Scheme(scheme);
        assertThat(s.run(AcquirerRequest.authorization(s.pos, s.card, 3_000)).approved())
                .isTrue();
        assertThat(s.trace.get(0).mti()).endsWith("100");
        assertThat(s.trace.get(1).mti()).endsWith("110");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shetab"})
    void shetabNameInquiryReturnsTheHolder(String scheme) {
        Scheme s = new Scheme(scheme);
        AcquirerResult r = s.run(AcquirerRequest.nameInquiry(s.pos, s.card, 50_000));
        assertThat(r.approved()).isTrue();
        assertThat(r.holderName()).isEqualTo(s.card.holderName());
        assertThat(s.trace.get(1).getString(48)).startsWith("01");
        assertThat(s.issuer.ledger().size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir"})
    void mirHasNoNameInquiry(String scheme) {
        Scheme s = new Scheme(scheme);
        assertThat(s.run(AcquirerRequest.nameInquiry(s.pos, s.card, 50_000)).outcome())
                .isEqualTo(Outcome.INVALID_TRANSACTION);
    }
}
