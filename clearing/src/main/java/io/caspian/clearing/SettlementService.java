package io.caspian.clearing;

import io.caspian.store.ClearingLedger;
import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.ClearingRows.PrefundCredit;
import io.caspian.store.StoreException;
import io.caspian.store.AuditEntry;
import io.caspian.store.StoreFailure;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Net settlement of a business date: clears every scheme for it (or reads the files already
 * sent), nets each record once (from its acquirer's file), records the positions and the
 * prefund credits once, and writes the CSV and HTML reports. A rerun reads the recorded
 * positions back, so the report never changes.
 */
public final class SettlementService {
    /** Caspian's own participant id in settlement. */
    public static final String SWITCH = "caspian";

    private final ClearingService clearing;
    private final TransactionStore store;
    private final ClearingLedger ledger;
    private final ClearingSettings settings;
    private final Clock clock;

    public SettlementService(ClearingService clearing, TransactionStore store,
            ClearingSettings settings, Clock clock) {
        this.clearing = clearing;
        this.store = store;
        this.ledger = store.clearing();
        this.settings = settings;
        this.clock = clock;
    }

    public SettlementReport settle(LocalDate date) {
        clearing.clearAll(date);
        List<PositionRow> recorded = ledger.settlement(date);
        if (!recorded.isEmpty()) {
            return write(date, recorded, credits(date, entries(date)), true);
        }
        List<ClearingEntry> entries = entries(date);
        Positions positions = new Positions();
        entries.forEach(positions::add);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ClearingSettings.Settlement mode = settings.settlement();
        List<PositionRow> rows = mode.currency() == null ? positions.ownCurrencies(date, at)
                : positions.inSettlementCurrency(date, at, mode);
        List<PrefundCredit> credits = credits(date, entries);
        try {
            ledger.recordSettlement(rows, credits);
        } catch (StoreException e) {
            if (e.failure() != StoreFailure.CONFLICT) {
                throw e;
            }
            rows = ledger.settlement(date);
        }
        SettlementReport report = write(date, rows, credits, false);
        store.submit(new StoreWrite.Audit(new AuditEntry(java.util.UUID.randomUUID(),
                clock.instant(), "clearing", "SETTLED", date.toString(), rows.size()
                        + " positions, nets to zero: " + report.netsToZero()))).join();
        Checks.check(report.netsToZero(), "settlement of " + date + " does not net to zero");
        return report;
    }

    /** Each record once: from the file of its acquirer's scheme. */
    private List<ClearingEntry> entries(LocalDate date) {
        List<ClearingEntry> out = new ArrayList<>();
        for (String scheme : settings.schemes().keySet()) {
            for (ClearingEntry e : clearing.entriesOf(scheme, date)) {
                if (e.acquirer().equals(scheme)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * What the switch reserved in real time against each scheme's prefunded position for the
     * settled records, in the scheme's currency: its cardholders' purchases, cash and
     * transfers abroad less their reversals. Refunds and dispute stages are not reserved in
     * real time; their money moves through the settlement positions only.
     */
    private List<PrefundCredit> credits(LocalDate date, List<ClearingEntry> entries) {
        Map<String, long[]> spent = new TreeMap<>();
        for (ClearingEntry e : entries) {
            if (e.type().sign() <= 0 || e.kind().isDispute()) {
                continue;
            }
            long[] s = spent.computeIfAbsent(e.issuer(), x -> new long[2]);
            s[0] += e.sign() * e.issuerAmount().minor();
            s[1] = e.issuerAmount().currency();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<PrefundCredit> credits = new ArrayList<>();
        spent.forEach((scheme, s) -> credits.add(new PrefundCredit(scheme, date, s[0],
                (int) s[1], at, null)));
        return credits;
    }

    private SettlementReport write(LocalDate date, List<PositionRow> rows,
            List<PrefundCredit> credits, boolean rerun) {
        String base = "settlement-" + DateTimeFormatter.BASIC_ISO_DATE.format(date);
        Path csv = settings.outputDirectory().resolve(base + ".csv");
        Path html = settings.outputDirectory().resolve(base + ".html");
        SettlementReport report = new SettlementReport(date, rows, credits, csv, html, rerun);
        FileWriting.writeAtomically(csv, SettlementFiles.csv(report, settings)
                .getBytes(StandardCharsets.UTF_8));
        FileWriting.writeAtomically(html, SettlementFiles.html(report, settings)
                .getBytes(StandardCharsets.UTF_8));
        return report;
    }
}
