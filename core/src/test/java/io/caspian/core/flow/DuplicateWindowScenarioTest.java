package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.mirReversal;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.screening.Screening;
import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The duplicate window's two tiers. After {@link Duplicates#HOT_MS} an answered request is
 * cut down to its key and id; what the window promises still holds:
 *
 * <pre>
 * mir -> 0200 stan=000601 -> shetab 2200 -> 2210 auth=HOT001 -> mir 0210 00 HOT001
 *   (HOT_MS pass: the entry keeps its key and id only)
 * mir -> 0200 stan=000601 again -> mir 0210 00 HOT001 from the stored record; no 2200
 * mir -> 0420 of it -> 0430 at once; shetab gets the 2420; the position is given back
 * </pre>
 */
class DuplicateWindowScenarioTest extends ScenarioTestBase {

    private void passHotTier() throws Exception {
        h.onEngine(() -> h.engine.duplicates.expire(
                Instant.now().toEpochMilli() + Duplicates.HOT_MS + 1));
    }

    @Test
    void aRepeatAfterTheHotTierIsAnsweredFromTheStoreAndNotForwarded() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.from("mir", mirPurchase("000601", 5_000));
        h.from("shetab", shetabAnswer(h.shetab.next(), "0000", "HOT001"));
        IsoMessage first = h.mir.next();
        assertThat(first.getString(39)).isEqualTo("00");

        passHotTier();
        h.onEngine(() -> {
            Duplicates.Seen seen = h.engine.duplicates.find("mir|000601|1125103015|2")
                    .orElseThrow();
            assertThat(seen.exchange).isNull();
            assertThat(seen.reply).isNull();
            assertThat(h.engine.duplicates.findByTrace("mir", "000601", 2)).isEmpty();
        });

        h.from("mir", mirPurchase("000601", 5_000));
        IsoMessage second = h.mir.next();
        assertThat(second.mti()).isEqualTo("0210");
        assertThat(second.getString(39)).isEqualTo("00");
        assertThat(second.getString(38)).isEqualTo("HOT001");
        assertThat(second.getString(11)).isEqualTo("000601");
        assertThat(h.shetab.none(200)).isNull();
        assertThat(h.store.createdSince(Instant.EPOCH)).hasSize(1);
    }

    @Test
    void aReversalAfterTheHotTierFindsItsOriginalInTheStore() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m,
                s -> Harness.with(s, null, Screening.none(), 1_000_000, 100_000));
        IsoMessage purchase = mirPurchase("000611", 150_000);
        h.from("mir", purchase);
        IsoMessage toIssuer = h.shetab.next();
        h.from("shetab", shetabAnswer(toIssuer, "0000", "HOT002"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-566_600));

        passHotTier();
        h.from("mir", mirReversal(purchase, "000612", "1125103115", "17"));
        IsoMessage ack = h.mir.next();
        assertThat(ack.mti()).isEqualTo("0430");
        assertThat(ack.getString(39)).isEqualTo("00");
        IsoMessage forwarded = h.shetab.next();
        assertThat(forwarded.mti()).isEqualTo("2420");
        assertThat(forwarded.getString(4)).isEqualTo("3640000000666600");
        assertThat(forwarded.getString(90)).startsWith("2200" + toIssuer.getString(11));
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(100_000));
        assertThat(h.stats.get("reversal_originals_from_store")).isEqualTo(1);
    }
}
