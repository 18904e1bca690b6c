package io.caspian.clearing;

import io.caspian.clearing.ReconReport.Difference;
import io.caspian.clearing.ReconReport.SchemeRecon;
import io.caspian.store.ClearingLedger;
import io.caspian.store.ClearingRows.ItemRow;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reconciles a date's clearing files with the store, transaction by transaction: every
 * approval and reversal the store holds for the date must be in the scheme's file of that
 * date (or, if it arrived late, of a later one), nothing else may be, and the nets per
 * currency must agree to the minor unit (DESIGN.md I4).
 */
public final class Reconciler {
    private final TransactionStore store;
    private final ClearingLedger ledger;
    private final ClearingService clearing;
    private final ClearingSettings settings;

    public Reconciler(TransactionStore store, ClearingService clearing,
            ClearingSettings settings) {
        this.store = store;
        this.ledger = store.clearing();
        this.clearing = clearing;
        this.settings = settings;
    }

    public ReconReport reconcile(LocalDate date) {
        List<TransactionRecord> rows = ledger.transactionsOf(date);
        List<SchemeRecon> out = new ArrayList<>();
        for (String scheme : settings.schemes().keySet()) {
            if (ledger.file(scheme, date).isEmpty()) {
                throw new ClearingException("no clearing file of " + scheme + " for " + date
                        + "; run caspian clear --date " + date + " first");
            }
            out.add(scheme(scheme, date, rows));
        }
        return new ReconReport(date, out);
    }

    private SchemeRecon scheme(String scheme, LocalDate date, List<TransactionRecord> rows) {
        Map<UUID, TransactionRecord> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Map<UUID, ClearingEntry> expected = new LinkedHashMap<>();
        Entries entries = new Entries(FeeSchedule.none());
        for (TransactionRecord t : rows) {
            if (!involves(t, scheme)) {
                continue;
            }
            if (Entries.isPresentment(t)) {
                expected.put(t.id(), entries.presentment(t));
            } else if (t.originalId() != null) {
                TransactionRecord original = byId.containsKey(t.originalId())
                        ? byId.get(t.originalId())
                        : store.findById(t.originalId()).orElse(null);
                if (Entries.isReversalOf(t, original)) {
                    expected.put(t.id(), entries.reversal(t, original));
                } else if (Entries.isCompletionOf(t, original)) {
                    expected.put(t.id(), entries.adjustment(t, original));
                }
            }
        }
        Map<UUID, ClearingEntry> inFile = new LinkedHashMap<>();
        for (ClearingEntry e : clearing.entriesOf(scheme, date)) {
            if (!e.kind().isDispute() && e.transactionDate().equals(date)) {
                inFile.put(e.itemId(), e);
            }
        }
        List<Difference> differences = new ArrayList<>();
        Map<Integer, Long> storeNet = new TreeMap<>();
        Map<Integer, Long> fileNet = new TreeMap<>();
        List<Difference> late = new ArrayList<>();
        for (ClearingEntry e : expected.values()) {
            add(storeNet, scheme, e);
            if (inFile.containsKey(e.itemId())) {
                continue;
            }
            ItemRow elsewhere = ledger.item(scheme, e.itemId()).orElse(null);
            if (elsewhere == null) {
                differences.add(new Difference(e.itemId(), e.kind() + " of " + date
                        + " is in no clearing file"));
            } else {
                // In flight at cut-over: cleared late, in a later date's file.
                add(fileNet, scheme, e);
                late.add(new Difference(e.itemId(), e.kind() + " of " + date
                        + " cleared late, in the file of " + elsewhere.businessDate()));
            }
        }
        for (ClearingEntry e : inFile.values()) {
            add(fileNet, scheme, e);
            ClearingEntry want = expected.get(e.itemId());
            if (want == null) {
                differences.add(new Difference(e.itemId(), e.kind() + " in the file, but the"
                        + " store does not hold it as clearable on " + date));
            } else if (!want.amountFor(scheme).equals(e.amountFor(scheme))
                    || want.sign() != e.sign()) {
                differences.add(new Difference(e.itemId(), "amount differs: store "
                        + want.sign() * want.amountFor(scheme).minor() + ", file "
                        + e.sign() * e.amountFor(scheme).minor()));
            }
        }
        return new SchemeRecon(scheme, expected.size(), inFile.size(), storeNet, fileNet,
                differences, late);
    }

    private static boolean involves(TransactionRecord t, String scheme) {
        return t.acquirerScheme().equals(scheme) || t.issuerScheme().equals(scheme);
    }

    private static void add(Map<Integer, Long> net, String scheme, ClearingEntry e) {
        net.merge(e.amountFor(scheme).currency(), e.sign() * e.amountFor(scheme).minor(),
                Long::sum);
    }
}
