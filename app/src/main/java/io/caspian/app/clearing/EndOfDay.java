package io.caspian.app.clearing;

import io.caspian.clearing.BusinessDates;
import io.caspian.clearing.ClearingException;
import io.caspian.clearing.ClearingFile;
import io.caspian.clearing.ClearingService;
import io.caspian.store.ReconExchangeRow;
import io.caspian.store.StoreException;
import java.time.LocalDate;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code caspian run} does when a scheme's scheduled cut-over closes a business date:
 * writes the scheme's clearing file of the closed date and exchanges that date's
 * reconciliation totals with the scheme over its link. A failure is logged and left for the
 * operator ({@code caspian clear}, {@code caspian recon}); the switch keeps running.
 */
final class EndOfDay {
    private static final Logger LOG = LoggerFactory.getLogger(EndOfDay.class);

    private final BusinessDates dates;
    private final ClearingService clearing;
    private final BiFunction<String, LocalDate, ReconExchangeRow> recon;

    /** {@code recon} exchanges a closed date's totals with the scheme and records them. */
    EndOfDay(BusinessDates dates, ClearingService clearing,
            BiFunction<String, LocalDate, ReconExchangeRow> recon) {
        this.dates = dates;
        this.clearing = clearing;
        this.recon = recon;
    }

    /** The scheme has just opened a new date: clear and reconcile the one it closed. */
    void closed(String scheme) {
        // Scheduled cut-overs move one day at a time: the closed date is the one before.
        LocalDate day = dates.current(scheme).minusDays(1);
        try {
            ClearingFile file = clearing.clear(scheme, day);
            LOG.info("{}: clearing file of {} written: {} records, sha256 {}", scheme, day,
                    file.recordCount(), file.sha256());
            ReconExchangeRow r = recon.apply(scheme, day);
            LOG.info("{}: reconciliation of {}: {}", scheme, day, r.outcome());
            if (r.differences() != null && !r.differences().isBlank()) {
                LOG.warn("{}: reconciliation of {} differs:\n{}", scheme, day,
                        r.differences());
            }
        } catch (ClearingException | StoreException e) {
            LOG.warn("{}: end of day {} not finished ({}); run caspian clear and caspian recon"
                    + " --date {}", scheme, day, e.getMessage(), day);
        }
    }
}
