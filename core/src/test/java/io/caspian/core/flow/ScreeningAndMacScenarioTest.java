package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.screening.Screening;
import io.caspian.core.standin.StandInRules;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.TransactionRecord;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MACs on the mir link, screening of Shetab cards, and Shetab's net debit cap. */
class ScreeningAndMacScenarioTest extends ScenarioTestBase {
    static final MacSettings MIR_MAC = new MacSettings("zak.mir", MacAlgorithm.ISO9797_ALG3_PAD2);


    @Test
    void aRequestWithoutAValidMacIsDeclinedAndNeverForwarded() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled(),
                m -> Harness.with(m, MIR_MAC, Screening.none(), -1, 0), s -> s);
        h.from("mir", mirPurchase("000201", 10_000));
        IsoMessage reply = h.mir.next();
        assertThat(reply.getString(39)).isEqualTo("63");
        assertThat(h.shetab.none(200)).isNull();
        assertThat(h.stats.get("mac_failures")).isEqualTo(1);

        IsoMessage tampered = mirPurchase("000202", 10_000);
        assertThat(Macs.sign(h.hsm, MIR_MAC, tampered)).isTrue();
        tampered.set(4, 99_999);
        h.from("mir", tampered);
        assertThat(h.mir.next().getString(39)).isEqualTo("63");
        assertThat(h.shetab.none(200)).isNull();
    }

    @Test
    void aSignedRequestIsForwardedAndItsReplyIsSigned() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled(),
                m -> Harness.with(m, MIR_MAC, Screening.none(), -1, 0), s -> s);
        IsoMessage signed = mirPurchase("000203", 10_000);
        assertThat(Macs.sign(h.hsm, MIR_MAC, signed)).isTrue();
        h.from("mir", signed);
        IsoMessage toIssuer = h.shetab.next();
        assertThat(toIssuer.has(64)).as("the shetab link carries no MAC here").isFalse();
        h.from("shetab", shetabAnswer(toIssuer, "0000", "MAC001"));
        IsoMessage reply = h.mir.next();
        assertThat(reply.getString(39)).isEqualTo("00");
        assertThat(reply.has(64)).isTrue();
        assertThat(Macs.verify(h.hsm, MIR_MAC, reply)).isTrue();
    }

    @Test
    void blockedMerchantCategoryIsDeclinedRestrictedWithItsCauseRecorded() throws Exception {
        Screening noCasinos = new Screening(Set.of(), Set.of(), Set.of("7995"), Set.of(), 0, 0);
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m,
                s -> Harness.with(s, null, noCasinos, -1, 0));
        IsoMessage casino = mirPurchase("000204", 10_000);
        casino.set(18, "7995");
        h.from("mir", casino);
        assertThat(h.mir.next().getString(39)).isEqualTo("62");
        assertThat(h.shetab.none(200)).isNull();
        TransactionRecord t = h.store.createdSince(Instant.EPOCH).get(0);
        assertThat(h.store.history(t.id())).extracting(c -> c.cause())
                .contains("BLOCKED_MERCHANT_CATEGORY");
    }

    @Test
    void approvalsStopAtTheIssuingSchemesNetDebitCapAndDeclinesGiveItBack() throws Exception {
        // 1,500 RUB is 666,600 IRR: one fits under a 1,000,000 IRR cap, two do not.
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m,
                s -> Harness.with(s, null, Screening.none(), 1_000_000, 0));
        h.from("mir", mirPurchase("000205", 150_000));
        IsoMessage first = h.shetab.next();
        h.from("mir", mirPurchase("000206", 150_000));
        assertThat(h.mir.next().getString(39)).isEqualTo("05");
        assertThat(h.shetab.none(200)).isNull();

        h.from("shetab", shetabAnswer(first, "0116", null));
        assertThat(h.mir.next().getString(39)).isEqualTo("51");
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab")).isZero());

        h.from("mir", mirPurchase("000207", 150_000));
        IsoMessage third = h.shetab.next();
        h.from("shetab", shetabAnswer(third, "0000", "CAP001"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");
        h.onEngine(() -> assertThat(h.engine.positions().position("shetab"))
                .isEqualTo(-666_600));
    }
}
