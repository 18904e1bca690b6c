package io.caspian.clearing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A clearing file as written: where, its digest and its totals.
 *
 * @param rerun true when the file had been sent before and was rebuilt identically
 * @param lateRecords records of earlier business dates (in flight or reversed after their
 *     own date's file was sent)
 */
public record ClearingFile(String scheme, LocalDate businessDate, Path path, String sha256,
        int recordCount, int lateRecords, List<CurrencyTotals> totals, boolean rerun) {
    public ClearingFile {
        totals = List.copyOf(totals);
    }
}
