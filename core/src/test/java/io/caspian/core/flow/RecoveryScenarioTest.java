package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.screening.Screening;
import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a restart must not forget (DESIGN.md I2, and the duplicate window). */
class RecoveryScenarioTest extends ScenarioTestBase {

    /**
     * <pre>
     * mir -> 0200 -> shetab 2200 (no answer); crash
     * restart: recovery owes a reversal -> shetab 2420 (DE 90 names the 2200 as sent)
     * </pre>
     */
    @Test
    void aRequestLeftSentAtACrashIsReversedAfterTheRestart() throws Exception {
        h = new Harness(dir, 60_000, StandInRules.disabled());
        h.from("mir", mirPurchase("000301", 150_000));
        IsoMessage sent = h.shetab.next();
        h.restart();
        IsoMessage reversal = h.shetab.next();
        assertThat(reversal.mti()).isEqualTo("2420");
        assertThat(reversal.getString(90)).isEqualTo("2200" + sent.getString(11)
                + sent.getString(12) + "60379900001" + "60379900001");
        assertThat(reversal.getString(4)).isEqualTo(sent.getString(4));
        h.from("shetab", shetabAnswer(reversal, "0400", null));
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline
                && state() != TransactionState.REVERSED) {
            Thread.sleep(20);
        }
        assertThat(state()).isEqualTo(TransactionState.REVERSED);
    }

    /**
     * <pre>
     * mir -> 0200 stan=000302 -> shetab approves -> mir 0210 rc=00 auth=RCV001; crash
     * restart; mir -> the same 0200 again -> mir 0210 rc=00 auth=RCV001, nothing to shetab
     * </pre>
     */
    @Test
    void aRepeatAfterARestartGetsTheRecordedOutcomeNotASecondDebit() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.from("mir", mirPurchase("000302", 5_000));
        h.from("shetab", shetabAnswer(h.shetab.next(), "0000", "RCV001"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.restart();
        h.from("mir", mirPurchase("000302", 5_000));
        IsoMessage again = h.mir.next();
        assertThat(again.getString(39)).isEqualTo("00");
        assertThat(again.getString(38)).isEqualTo("RCV001");
        assertThat(h.shetab.none(300)).isNull();
        assertThat(h.store.createdSince(Instant.EPOCH)).hasSize(1);
    }

    /**
     * The day's velocity survives a restart: Shetab allows a card one approval a day.
     *
     * <pre>
     * mir -> 0200 stan=000311 -> shetab approves -> mir 0210 rc=00; crash
     * restart: recovery sums the card's day in the store (1 approval)
     * mir -> 0200 stan=000312, same card -> mir 0210 declined, nothing to shetab
     * </pre>
     */
    @Test
    void aCardsApprovalsOfTheDayStillCountAgainstItsVelocityLimitAfterARestart()
            throws Exception {
        Screening onePerDay = new Screening(Set.of(), Set.of(), Set.of(), Set.of(), 1, 0);
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m,
                s -> Harness.with(s, null, onePerDay, -1, 0));
        h.from("mir", mirPurchase("000311", 5_000));
        h.from("shetab", shetabAnswer(h.shetab.next(), "0000", "VEL001"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.restart();
        h.from("mir", mirPurchase("000312", 5_000));
        assertThat(h.mir.next().getString(39)).isNotEqualTo("00");
        assertThat(h.shetab.none(300)).isNull();
        TransactionRecord second = h.store.createdSince(Instant.EPOCH).get(1);
        assertThat(h.store.history(second.id())).extracting(c -> c.cause())
                .contains("VELOCITY_LIMIT");
    }

    private TransactionState state() {
        List<TransactionRecord> all = h.store.createdSince(Instant.EPOCH);
        return all.get(0).state();
    }
}
