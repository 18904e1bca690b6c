package io.caspian.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.SimTestKit;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.wire.OriginalKey;
import io.caspian.sim.wire.ProcessingCode;
import io.caspian.sim.wire.SchemeCurrency;
import io.caspian.sim.wire.WireModel;
import java.io.IOException;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of purchases, refunds, reversals, repeated reversals and reversals of
 * unknown originals reaches an issuer: every balance is its opening balance minus its net
 * debits, and an original is reversed at most once.
 */
class LedgerConservationProperties {
    private static final SimTestKit KIT = kit();
    private static final List<TestCard> CARDS = KIT.cards("shetab", 9)
            .issueActive(3, YearMonth.of(2030, 6), 50_000);

    private static SimTestKit kit() {
        try {
            return new SimTestKit(Files.createTempDirectory("sim-ledger"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One step: what, which card, how much, which earlier message it refers to. */
    record Step(int action, int card, long amount, int target) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, CARDS.size() - 1),
                Arbitraries.longs().between(1, 30_000), Arbitraries.integers().between(0, 40))
                .as(Step::new).list().ofMaxSize(40);
    }

    @Property(tries = 150)
    void balancesAreOpeningMinusNetDebits(@ForAll("steps") List<Step> steps) {
        for (String scheme : List.of("mir", "shetab")) {
            run(scheme, steps);
        }
    }

    private void run(String scheme, List<Step> steps) {
        WireModel model = SimTestKit.model(scheme);
        SchemeCurrency currency = SimTestKit.currency(scheme);
        IssuerHost issuer = new IssuerHost(model, KIT.issuerSettings(scheme), KIT.hsm,
                KIT.scheduler.clock(), CARDS);
        List<IsoMessage> originals = new ArrayList<>();
        Map<OriginalKey, Integer> reversalsSent = new HashMap<>();
        long stan = 0;
        for (Step s : steps) {
            stan++;
            if (s.action() <= 1) {
                ProcessingCode type = s.action() == 0 ? ProcessingCode.PURCHASE
                        : ProcessingCode.REFUND;
                IsoMessage m = request(model, CARDS.get(s.card()), type, stan,
                        currency.money(s.amount()));
                issuer.handle(m);
                originals.add(m);
            } else if (s.action() <= 3 && !originals.isEmpty()) {
                IsoMessage original = originals.get(s.target() % originals.size());
                IsoMessage reversal = ReversalTest.reversalOf(model, original, stan);
                if (s.action() == 3) {
                    reversal.setMti(model.mti(421));
                }
                issuer.handle(reversal);
                reversalsSent.merge(model.keyOf(original), 1, Integer::sum);
            } else {
                IsoMessage unknown = request(model, CARDS.get(s.card()), ProcessingCode.PURCHASE,
                        900_000 + stan, currency.money(s.amount()));
                issuer.handle(ReversalTest.reversalOf(model, unknown, stan));
            }
        }
        Ledger ledger = issuer.ledger();
        for (CardAccount a : issuer.accounts()) {
            assertThat(a.balanceMinor()).isEqualTo(a.card().openingBalanceMinor()
                    - ledger.netDebitsMinor(a.pan()));
        }
        assertThat(issuer.balancesMinor())
                .isEqualTo(issuer.openingBalancesMinor() - ledger.netDebitsMinor());
        Map<OriginalKey, Integer> reversalEntries = new HashMap<>();
        for (LedgerEntry e : ledger.entries()) {
            if (e.kind() == EntryKind.DEBIT_REVERSAL || e.kind() == EntryKind.CREDIT_REVERSAL) {
                reversalEntries.merge(e.key(), 1, Integer::sum);
            }
        }
        assertThat(reversalEntries.values()).allMatch(n -> n == 1);
        assertThat(reversalEntries.keySet()).isSubsetOf(reversalsSent.keySet());
    }

    private static IsoMessage request(WireModel model, TestCard card, ProcessingCode type,
            long stan, io.caspian.sim.wire.Money amount) {
        IsoMessage m = model.newMessage(200);
        m.set(2, card.pan()).set(3, type.field()).set(11, stan)
                .set(37, String.format("%012d", stan)).set(41, "PTERM001")
                .set(32, "9990001").set(33, "9990001");
        model.setAmount(m, amount);
        model.setTimes(m, SimTestKit.EPOCH);
        return m;
    }
}
