package io.caspian.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.recon.ReconAnswer;
import io.caspian.core.recon.ReconMessages;
import io.caspian.core.recon.ReconTotals;
import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoMessage;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of the reconciliation messages, each dialect's MTI:
 *
 * <pre>
 * requestReconciliation(mir)    -> mir 0500 with the totals
 * mir 0510 DE 66=1, same totals -> answer: in balance
 * requestReconciliation(shetab) -> shetab 2520
 * shetab 2530 other STAN        -> unmatched, counted, ignored
 * shetab 2530 DE 66=2           -> answer: out of balance, the scheme's totals
 * </pre>
 */
class ReconciliationScenarioTest extends ScenarioTestBase {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void eachSchemeIsAskedInItsDialectAndItsAnswerIsMatchedByOurStan() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        BlockingQueue<ReconAnswer> answers = new LinkedBlockingQueue<>();
        ReconTotals mirTotals = new ReconTotals(DAY, 643, 12, 1_234_567, 1, 10_000, 2,
                5_000, 0, 0);
        h.onEngine(() -> assertThat(h.engine.requestReconciliation("mir", mirTotals,
                answers::add)).isTrue());
        IsoMessage request = h.mir.next();
        assertThat(request.mti()).isEqualTo("0500");
        assertThat(request.getString(15)).isEqualTo("1125");
        assertThat(request.getString(88)).isEqualTo("0000000001234567");
        assertThat(request.getString(97)).isEqualTo("D0000000001219567");
        h.from("mir", answer(request, mirTotals, "1"));
        ReconAnswer mir = answers.poll(5, TimeUnit.SECONDS);
        assertThat(mir).isNotNull();
        assertThat(mir.inBalance()).isTrue();
        assertThat(mir.theirs().agreesWith(mirTotals)).isTrue();

        ReconTotals shetabTotals = new ReconTotals(DAY, 364, 3, 900_000, 0, 0, 1, 50_000,
                0, 0);
        h.onEngine(() -> h.engine.requestReconciliation("shetab", shetabTotals,
                answers::add));
        IsoMessage advice = h.shetab.next();
        assertThat(advice.mti()).isEqualTo("2520");
        assertThat(advice.getString(15)).isEqualTo("20261125");
        IsoMessage stray = answer(advice, shetabTotals, "1");
        stray.set(11, "000000000001".equals(advice.getString(11)) ? "000000000002"
                : "000000000001");
        h.from("shetab", stray);
        ReconTotals theirs = new ReconTotals(DAY, 364, 2, 600_000, 0, 0, 1, 50_000, 0, 0);
        h.from("shetab", answer(advice, theirs, "2"));
        ReconAnswer shetab = answers.poll(5, TimeUnit.SECONDS);
        assertThat(shetab).isNotNull();
        assertThat(shetab.inBalance()).isFalse();
        assertThat(shetab.theirs().debitsMinor()).isEqualTo(600_000);
        assertThat(shetab.ours()).isEqualTo(shetabTotals);
        assertThat(answers).isEmpty();
        assertThat(h.stats.get("reconciliations_unmatched")).isEqualTo(1L);
    }

    @Test
    void aLinkThatCannotTakeTheRequestSaysSo() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.mir.up = false;
        boolean[] sent = {true};
        h.onEngine(() -> sent[0] = h.engine.requestReconciliation("mir",
                new ReconTotals(DAY, 643, 0, 0, 0, 0, 0, 0, 0, 0), a -> { }));
        assertThat(sent[0]).isFalse();
    }

    private static IsoMessage answer(IsoMessage request, ReconTotals totals, String code) {
        IsoMessage r = request.copy().setMti(request.mtiNumber() + 10);
        ReconMessages.write(r, totals);
        r.set(66, code);
        return r;
    }
}
