package io.caspian.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.SimTestKit;
import io.caspian.sim.wire.OriginalKey;
import io.caspian.sim.wire.WireModel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The issuer host's reconciliation answer: its own totals since the last balanced exchange,
 * full reversals netted out, partial ones counted, lost bookings left out.
 */
class ReconLedgerTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private final WireModel model = SimTestKit.model("shetab");
    private final Ledger ledger = new Ledger();
    private final ReconLedger recon = new ReconLedger(model, ledger);

    private LedgerEntry book(long stan, EntryKind kind, long amount) {
        return ledger.append(T, "6037990000000000", kind, amount, 364,
                new OriginalKey(stan, "20261125100000"), "RRN" + stan);
    }

    /** Caspian's 2520 with the given debits, debit reversals and credits. */
    private IsoMessage request(long debits, long debitsMinor, long reversals,
            long reversedMinor, long credits, long creditsMinor) {
        IsoMessage m = model.newMessage(520);
        m.set(11, "000000000042").set(15, "20261125").set(50, "364");
        m.set(74, credits).set(75, 0).set(76, debits).set(77, reversals);
        m.set(86, creditsMinor).set(87, 0).set(88, debitsMinor).set(89, reversedMinor);
        m.set(97, "D" + String.format("%016d", debitsMinor - reversedMinor - creditsMinor));
        return m;
    }

    @Test
    void fullReversalsNetOutPartialOnesCountAndBalanceClosesThePeriod() {
        book(1, EntryKind.DEBIT, 500_000);
        book(2, EntryKind.DEBIT, 300_000);
        book(2, EntryKind.DEBIT_REVERSAL, 300_000);   // a timed-out request, reversed
        book(3, EntryKind.DEBIT, 200_000);
        book(3, EntryKind.DEBIT_REVERSAL, 50_000);    // partial reversal
        book(4, EntryKind.CREDIT, 70_000);

        IsoMessage answer = recon.answer(request(2, 700_000, 1, 50_000, 1, 70_000), 364);
        assertThat(answer.mti()).isEqualTo("2530");
        assertThat(answer.getString(66)).isEqualTo("1");
        assertThat(answer.getString(11)).isEqualTo("000000000042");
        assertThat(answer.getString(97)).isEqualTo("D0000000000580000");
        // Reconciled: the next period starts empty.
        assertThat(recon.open()).isEmpty();
        book(5, EntryKind.DEBIT, 10_000);
        assertThat(recon.open()).extracting(LedgerEntry::amountMinor).containsExactly(10_000L);
    }

    @Test
    void outOfBalanceAnswersItsOwnTotalsAndKeepsThePeriodOpen() {
        LedgerEntry lost = book(1, EntryKind.DEBIT, 500_000);
        book(2, EntryKind.DEBIT, 300_000);
        recon.lose(lost.sequence());

        IsoMessage answer = recon.answer(request(2, 800_000, 0, 0, 0, 0), 364);
        assertThat(answer.getString(66)).isEqualTo("2");
        assertThat(answer.getString(76)).isEqualTo("0000000001");
        assertThat(answer.getString(88)).isEqualTo("0000000000300000");
        assertThat(recon.open()).extracting(LedgerEntry::sequence).containsExactly(2L);
    }
}
