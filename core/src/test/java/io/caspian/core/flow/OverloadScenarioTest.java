package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A switch short of CPU declines instead of queueing: requests waiting for the engine count
 * against {@code inFlightMax} (1000 here), and one that waited longer than
 * {@code queueWaitMaxMs} (1000 ms here) is declined unprocessed.
 *
 * <pre>
 * link thread: admit() x1000 ─► true (queued 1000) ─► admit() ─► false: declined at the door
 * mir -> 0200 stan=000701, admitted 1.5 s ago -> mir 0210 96; nothing stored, no 2200
 * mir -> 0200 stan=000702 -> shetab 2200 -> 2210 00 -> mir 0210 00 APP702
 * mir -> 0200 stan=000702 again, admitted 1.5 s ago -> mir 0210 00 APP702 (a repeat keeps
 *   its first answer, however late)
 * </pre>
 */
class OverloadScenarioTest extends ScenarioTestBase {

    private void fromQueue(IsoMessage m, Instant admittedAt) {
        h.thread.execute(() -> h.engine.onAdmitted("mir", m, admittedAt));
    }

    @Test
    void requestsWaitingForTheEngineCountAgainstTheLimit() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        for (int i = 0; i < 1_000; i++) {
            assertThat(h.engine.admit()).as("admission %d", i).isTrue();
        }
        assertThat(h.engine.queued()).isEqualTo(1_000);
        assertThat(h.engine.admit()).isFalse();
        assertThat(h.engine.accepting()).isFalse();
        assertThat(h.engine.queued()).isEqualTo(1_000);

        // One of them reaches the engine: there is room for one more.
        fromQueue(mirPurchase("000700", 5_000), Instant.now());
        assertThat(h.shetab.next().mti()).isEqualTo("2200");
        assertThat(h.engine.queued()).isEqualTo(999);
        h.onEngine(() -> assertThat(h.engine.inFlight()).isEqualTo(1));
        assertThat(h.engine.admit()).isFalse();
    }

    @Test
    void aRequestThatWaitedTooLongIsDeclinedUnprocessed() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        assertThat(h.engine.admit()).isTrue();
        fromQueue(mirPurchase("000701", 5_000), Instant.now().minusMillis(1_500));

        IsoMessage reply = h.mir.next();
        assertThat(reply.mti()).isEqualTo("0210");
        assertThat(reply.getString(11)).isEqualTo("000701");
        assertThat(reply.getString(39)).isEqualTo("96");
        assertThat(h.shetab.none(200)).isNull();
        assertThat(h.store.createdSince(Instant.EPOCH)).isEmpty();
        assertThat(h.stats.get("queue_wait_declines")).isEqualTo(1);
        assertThat(h.stats.get("overload_declines")).isZero();
        assertThat(h.engine.queued()).isZero();
        h.onEngine(() -> assertThat(h.engine.inFlight()).isZero());
    }

    @Test
    void aLateRepeatStillGetsTheFirstAnswer() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        IsoMessage purchase = mirPurchase("000702", 5_000);
        assertThat(h.engine.admit()).isTrue();
        fromQueue(purchase, Instant.now());
        h.from("shetab", shetabAnswer(h.shetab.next(), "0000", "APP702"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");

        assertThat(h.engine.admit()).isTrue();
        fromQueue(purchase.copy(), Instant.now().minusMillis(1_500));
        IsoMessage again = h.mir.next();
        assertThat(again.getString(39)).isEqualTo("00");
        assertThat(again.getString(38)).isEqualTo("APP702");
        assertThat(h.shetab.none(200)).isNull();
        assertThat(h.stats.get("queue_wait_declines")).isZero();
        assertThat(h.store.createdSince(Instant.EPOCH)).hasSize(1);
    }

    @Test
    void aRequestWithinTheWaitIsProcessed() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        assertThat(h.engine.admit()).isTrue();
        fromQueue(mirPurchase("000703", 5_000), Instant.now().minusMillis(500));
        assertThat(h.shetab.next().mti()).isEqualTo("2200");
        assertThat(h.stats.get("queue_wait_declines")).isZero();
    }
}
