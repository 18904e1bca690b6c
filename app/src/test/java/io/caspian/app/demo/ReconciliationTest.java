package io.caspian.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.store.AcquirerReference;
import io.caspian.store.Amount;
import io.caspian.store.Channel;
import io.caspian.store.Fees;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.ProtectedPan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the switch stored, net, per direction: an authorization counts at its completion's
 * final amount, a partial reversal takes back only its part.
 *
 * <pre>
 * 0100 1,500.00 RUB = 666,600 IRR approved ; 0220 DE90=0100 1,200.00 RUB = 533,280 IRR
 * 0200 1,000.00 RUB = 444,400 IRR approved ; 0420 part reversed 400.00 RUB = 177,760 IRR
 * => 1,200.00 + 600.00 = 1,800.00 RUB ; 533,280 + 266,640 = 799,920 IRR ; 2 approvals
 * </pre>
 */
class ReconciliationTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aCompletionReplacesItsAuthorizationsAmountAndAPartialReversalTakesBackItsPart() {
        TransactionRecord auth = row("0100", null, TransactionState.APPROVED, 150_000, 666_600);
        TransactionRecord completion = row("0220", auth.id(), TransactionState.ADVISED,
                120_000, 533_280);
        TransactionRecord purchase = row("0200", null, TransactionState.APPROVED, 100_000,
                444_400);
        TransactionRecord partial = row("0420", purchase.id(), TransactionState.REVERSED,
                40_000, 177_760);
        TransactionRecord refusedCompletion = row("0220", purchase.id(),
                TransactionState.ADVISED, 1, 1);

        Reconciliation.Stored s = Reconciliation.stored(
                List.of(auth, completion, purchase, partial, refusedCompletion), "mir",
                "shetab");

        assertThat(s.approvals()).isEqualTo(2);
        assertThat(s.acquirerNetMinor()).isEqualTo(180_000);
        assertThat(s.issuerNetMinor()).isEqualTo(799_920);
    }

    private static TransactionRecord row(String mti, UUID original, TransactionState state,
            long rubMinor, long irr) {
        byte[] hash = new byte[PanHash.LENGTH_BYTES];
        ProtectedPan pan = new ProtectedPan(new byte[] {1, 2, 3}, "test", PanHash.of(hash),
                "220000", "0004");
        return new TransactionRecord(UUID.randomUUID(), T0, "mir", "shetab", Channel.POS, mti,
                "000000", pan, new Amount(rubMinor, 643, 2), new Amount(irr, 364, 0), null,
                new BigDecimal("444.4"), new AcquirerReference("000001", null, null, null,
                        null, null, "1125100000"), null, LocalDate.of(2026, 11, 25), state,
                "00", null, null, false, original, Fees.NONE);
    }
}
