package io.caspian.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Business dates, cut-over and settlement, as the clearing module provides them. The
 * console defines the port so that it builds before clearing exists; {@code app} wires an
 * implementation. {@link #NONE} answers that clearing is not connected.
 */
public interface ClearingPort {

    /** One scheme's business date. */
    record BusinessDate(String scheme, LocalDate current, String openedAt) {
    }

    /** Whether clearing is wired; false for {@link #NONE}. */
    boolean available();

    /** Each scheme's current business date. */
    List<BusinessDate> businessDates();

    /**
     * Closes the scheme's business date and opens the next; null when done, else why not.
     */
    String cutOver(String scheme, String operator);

    /**
     * The clearing and settlement report of one business date as JSON-ready values: per
     * scheme pair the counts and totals, fees, and each scheme's net position.
     */
    Map<String, Object> settlement(LocalDate businessDate);

    /** Clearing not connected: no dates, cut-over refused, empty settlement. */
    ClearingPort NONE = new ClearingPort() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<BusinessDate> businessDates() {
            return List.of();
        }

        @Override
        public String cutOver(String scheme, String operator) {
            return "clearing is not connected to this switch";
        }

        @Override
        public Map<String, Object> settlement(LocalDate businessDate) {
            return Map.of("available", false, "businessDate", businessDate.toString(),
                    "reason", "clearing is not connected to this switch");
        }
    };
}
