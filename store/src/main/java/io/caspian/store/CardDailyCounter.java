package io.caspian.store;

import io.caspian.store.pan.PanHash;
import java.time.LocalDate;

/**
 * How many transactions one card made on one business date, and for how much, in the
 * acquirer's currency (where the cross-border limits apply). Reversal and advice rows are
 * not counted; which states count is the caller's choice.
 */
public record CardDailyCounter(PanHash panHash, LocalDate businessDate, int currency,
        long count, long amountMinor) {
}
