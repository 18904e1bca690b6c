package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.mirReversal;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.screening.Screening;
import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.ClearingRows.PrefundCredit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The net debit cap holds across a restart: Shetab prefunded 100,000 IRR, cap 1,000,000 IRR.
 *
 * <pre>
 * mir -> 0200 1,500.00 RUB -> shetab 2200 666,600 IRR -> 2210 approved -> mir 0210 rc=00
 *     => shetab position 100,000 - 666,600 = -566,600
 * restart: recovery rebuilds the position from the store => -566,600
 * mir -> 0200 1,500.00 RUB -> mir 0210 rc=05 (would reach -1,233,200), nothing forwarded
 * mir -> 0420 partial, 1,000.00 RUB remains -> position gives back 222,200 => -344,400
 * restart => -344,400 again
 * </pre>
 */
class PositionRecoveryScenarioTest extends ScenarioTestBase {

    @Test
    void theSettlementPositionIsRebuiltFromTheStoreAtRecovery() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m,
                s -> Harness.with(s, null, Screening.none(), 1_000_000, 100_000));
        IsoMessage purchase = mirPurchase("000501", 150_000);
        h.from("mir", purchase);
        IsoMessage toIssuer = h.shetab.next();
        h.from("shetab", shetabAnswer(toIssuer, "0000", "POS001"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-566_600));

        h.restart();
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-566_600));
        h.from("mir", mirPurchase("000502", 150_000));
        assertThat(h.mir.next().getString(39)).isEqualTo("05");
        assertThat(h.shetab.none(200)).isNull();

        IsoMessage reversal = mirReversal(purchase, "000503", "1125103115", "17")
                .set(95, "000000100000" + "000000100000" + "C00000000" + "C00000000");
        h.from("mir", reversal);
        assertThat(h.mir.next().mti()).isEqualTo("0430");
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-344_400));

        h.restart();
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-344_400));
    }

    /**
     * Settlement gives back what it settled, and a restart does not take it away again:
     *
     * <pre>
     * mir -> 0200 1,500.00 RUB -> shetab 2200 666,600 IRR approved => -566,600
     * settlement of the day credits shetab 666,600 (not yet taken by the running switch)
     * restart => 100,000 - 666,600 + 666,600 = 100,000, and the credit is marked taken
     * </pre>
     */
    @Test
    void aRestartCountsTheCreditsSettlementRecorded() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m,
                s -> Harness.with(s, null, Screening.none(), 1_000_000, 100_000));
        h.from("mir", mirPurchase("000521", 150_000));
        h.from("shetab", shetabAnswer(h.shetab.next(), "0000", "POS021"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.store.clearing().recordSettlement(List.of(), List.of(new PrefundCredit("shetab",
                LocalDate.of(2026, 11, 25), 666_600, 364, Instant.now(), null)));

        h.restart();
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(100_000));
        assertThat(h.store.clearing().unappliedPrefundCredits()).isEmpty();
        h.restart();
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(100_000));
    }

    /**
     * A completion for less than the authorization gives the difference back at once, and a
     * restart counts the completion's amount, not the authorization's.
     *
     * <pre>
     * mir -> 0100 1,500.00 RUB -> shetab 2100 666,600 IRR -> 2110 approved
     *     => shetab position 100,000 - 666,600 = -566,600
     * mir -> 0220 1,200.00 RUB DE90=0100 -> shetab 2220 533,280 IRR
     *     => gives back 133,320: -433,280 ; restart => -433,280
     * </pre>
     */
    @Test
    void aCompletionForLessGivesTheDifferenceBackAlsoAfterARestart() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m,
                s -> Harness.with(s, null, Screening.none(), 1_000_000, 100_000));
        h.from("mir", mirPurchase("000511", 150_000).setMti("0100"));
        IsoMessage toIssuer = h.shetab.next();
        h.from("shetab", shetabAnswer(toIssuer, "0000", "POS011"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-566_600));

        IsoMessage completion = mirPurchase("000512", 120_000).setMti("0220");
        completion.set(7, "1125110000").set(38, "POS011")
                .set(90, "0100000511112510301500000220001" + "00000000000");
        h.from("mir", completion);
        assertThat(h.mir.next().mti()).isEqualTo("0230");
        assertThat(h.shetab.next().getString(4)).isEqualTo("3640000000533280");
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-433_280));

        h.restart();
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-433_280));
    }
}
