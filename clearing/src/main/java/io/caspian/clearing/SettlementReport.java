package io.caspian.clearing;

import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.ClearingRows.PrefundCredit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A business date's net settlement: each participant's position per currency (positive
 * receives, negative pays), which sum to zero in every currency, and what goes back into
 * each scheme's prefunded position.
 *
 * @param csv the CSV report, null until written
 * @param html the HTML report, null until written
 * @param rerun true when the date had been settled before and was read back
 */
public record SettlementReport(LocalDate businessDate, List<PositionRow> positions,
        List<PrefundCredit> prefundCredits, Path csv, Path html, boolean rerun) {

    public SettlementReport {
        positions = List.copyOf(positions);
        prefundCredits = List.copyOf(prefundCredits);
    }

    /** The sum of all positions per currency; every value is 0 when the date nets out. */
    public Map<Integer, Long> netPerCurrency() {
        Map<Integer, Long> sums = new TreeMap<>();
        for (PositionRow p : positions) {
            sums.merge(p.currency(), p.netMinor(), Long::sum);
        }
        return sums;
    }

    public boolean netsToZero() {
        return netPerCurrency().values().stream().allMatch(v -> v == 0);
    }
}
