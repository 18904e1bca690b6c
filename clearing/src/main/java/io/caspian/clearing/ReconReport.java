package io.caspian.clearing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clearing compared with the store for one business date, per scheme: net totals per
 * currency of that date's transactions as the store has them and as the file sent them,
 * and every transaction that differs.
 */
public record ReconReport(LocalDate businessDate, List<SchemeRecon> schemes) {
    public ReconReport {
        schemes = List.copyOf(schemes);
    }

    public boolean reconciled() {
        return schemes.stream().allMatch(SchemeRecon::reconciled);
    }

    /**
     * One scheme's side. Nets are debits less credits on the scheme's side, minor units;
     * {@code late} lists the date's transactions cleared in a later file (not a difference).
     */

    public record SchemeRecon(String scheme, int storeRecords, int fileRecords,
            Map<Integer, Long> storeNet, Map<Integer, Long> fileNet,
            List<Difference> differences, List<Difference> late) {
        public SchemeRecon {
            late = List.copyOf(late);
            storeNet = Map.copyOf(storeNet);
            fileNet = Map.copyOf(fileNet);
            differences = List.copyOf(differences);
        }

        public boolean reconciled() {
            return differences.isEmpty() && storeNet.equals(fileNet);
        }
    }

    /** One transaction that is not where the store says it should be. */
    public record Difference(UUID transactionId, String what) {
    }
}
