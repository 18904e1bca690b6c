package io.caspian.clearing;

import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.time.Instant;
import java.time.LocalDate;

/** One business day of both directions, the same every time: the golden file's input. */
final class GoldenHistory {
    static final LocalDate DATE = LocalDate.of(2026, 11, 24);
    static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
    /** Cleared the next day; both schemes are past the 24th by then. */
    static final Instant CLEARED_AT = Instant.parse("2026-11-25T06:30:00Z");

    final TransactionRecord mirPurchase;
    final TransactionRecord shetabGrocery;
    final TransactionRecord mirCash;
    final TransactionRecord shetabRefund;
    final TransactionRecord standIn;
    final TransactionRecord inFlight;

    GoldenHistory(History h) {
        mirPurchase = h.request("mir", "000000", "5411", 123_456, T, DATE,
                TransactionState.APPROVED, false);
        shetabGrocery = h.request("shetab", "000000", "5411", 5_000_000, T.plusSeconds(1), DATE,
                TransactionState.APPROVED, false);
        mirCash = h.request("mir", "010000", "6011", 300_000, T.plusSeconds(2), DATE,
                TransactionState.APPROVED, false);
        shetabRefund = h.request("shetab", "200000", "5732", 200_000, T.plusSeconds(3), DATE,
                TransactionState.APPROVED, false);
        standIn = h.request("shetab", "000000", "5999", 750_000, T.plusSeconds(4), DATE,
                TransactionState.ADVISED, true);
        TransactionRecord declined = h.request("mir", "000000", "5411", 99_900, T.plusSeconds(5),
                DATE, TransactionState.DECLINED, false);
        h.request("mir", "310000", "6011", 0, T.plusSeconds(6), DATE, TransactionState.APPROVED,
                false);
        h.reversal(mirCash, 300_000, T.plusSeconds(7), DATE, TransactionState.REVERSED);
        h.reversal(mirPurchase, 23_456, T.plusSeconds(8), DATE,
                TransactionState.REVERSAL_PENDING);
        h.reversal(declined, 99_900, T.plusSeconds(9), DATE, TransactionState.DECLINED);
        inFlight = h.request("mir", "000000", "5812", 45_000, T.plusSeconds(10), DATE,
                TransactionState.SENT, false);
    }
}
