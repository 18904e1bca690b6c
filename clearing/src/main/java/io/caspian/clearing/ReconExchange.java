package io.caspian.clearing;

import io.caspian.store.AuditEntry;
import io.caspian.store.IssuerReference;
import io.caspian.store.ReconExchangeRow;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Clearing's side of the reconciliation messages at cut-over (docs/clearing.md): the
 * totals of a scheme's issuing side for a closed date, taken from the scheme's clearing
 * file (the records where the scheme's cardholders were debited or credited abroad, which
 * is what the scheme's issuers booked through Caspian), the outcome of the exchange
 * recorded in {@code recon_exchange} and the audit trail, and, when out of balance, the
 * difference report: each cleared record matched with the scheme's bookings by the
 * identifiers Caspian sent the scheme.
 */
public final class ReconExchange {
    public static final String IN_BALANCE = "IN_BALANCE";
    public static final String OUT_OF_BALANCE = "OUT_OF_BALANCE";
    public static final String NO_ANSWER = "NO_ANSWER";
    private static final int DIFFERENCES_MAX_CHARS = 20_000;

    private final TransactionStore store;
    private final ClearingService clearing;
    private final ClearingSettings settings;
    private final Clock clock;

    public ReconExchange(TransactionStore store, ClearingService clearing,
            ClearingSettings settings, Clock clock) {
        this.store = store;
        this.clearing = clearing;
        this.settings = settings;
        this.clock = clock;
    }

    /** The totals of {@code scheme}'s issuing side in its file of {@code date}. */
    public SchemeTotals totalsOf(String scheme, LocalDate date) {
        long[] t = new long[8];
        for (ClearingEntry e : issuing(scheme, date)) {
            int slot = slot(e);
            t[slot]++;
            t[slot + 1] += e.issuerAmount().minor();
        }
        return SchemeTotals.of(date, settings.scheme(scheme).currency(), t);
    }

    /**
     * Transaction by transaction: every cleared record of the scheme's issuing side that the
     * scheme did not book (or booked for another amount), and every booking that is in no
     * record. One line each, naming our ids, the masked PAN and the identifiers the scheme
     * knows the transaction by.
     */
    public List<String> differences(String scheme, LocalDate date,
            List<SchemeBooking> bookings) {
        Map<String, SchemeBooking> theirs = new LinkedHashMap<>();
        for (SchemeBooking b : netted(bookings)) {
            theirs.put(b.key(), b);
        }
        List<String> out = new ArrayList<>();
        for (ClearingEntry e : issuing(scheme, date)) {
            IssuerReference ref = referenceOf(e);
            SchemeBooking mine = new SchemeBooking(ref == null ? "" : ref.rrn(),
                    ref == null ? -1 : Long.parseLong(ref.stan()),
                    slot(e) == 2 || slot(e) == 6, slot(e) == 0 || slot(e) == 2,
                    e.issuerAmount().minor());
            SchemeBooking booked = theirs.remove(mine.key());
            String of = e.originalId() == null ? "" : e.originalId() + " "
                    + e.kind().name().toLowerCase(Locale.ROOT) + " ";
            String what = e.kind() + " " + of + e.itemId() + " " + e.maskedPan() + " our stan "
                    + mine.stan() + " rrn " + mine.rrn() + ", acquirer stan " + e.stan()
                    + " rrn " + e.rrn() + ", " + (mine.debit() ? "D " : "C ")
                    + e.issuerAmount().minor();
            if (booked == null) {
                out.add("cleared, not booked by " + scheme + ": " + what);
            } else if (booked.amountMinor() != mine.amountMinor()) {
                out.add("amount differs (" + scheme + " booked " + booked.amountMinor()
                        + "): " + what);
            }
        }
        for (SchemeBooking b : theirs.values()) {
            out.add("booked by " + scheme + ", not in clearing: " + (b.reversal()
                    ? "reversal of " : "") + (b.debit() ? "debit" : "credit") + " stan "
                    + b.stan() + " rrn " + b.rrn() + " " + b.amountMinor());
        }
        return out;
    }

    /**
     * Records the outcome of one exchange and audits it ({@code RECON_EXCHANGED});
     * {@code theirs} null when the scheme did not answer.
     */
    public ReconExchangeRow record(String scheme, SchemeTotals ours, SchemeTotals theirs,
            boolean inBalance, List<String> differences) {
        String outcome = theirs == null ? NO_ANSWER : inBalance ? IN_BALANCE : OUT_OF_BALANCE;
        String text = String.join("\n", differences);
        if (text.length() > DIFFERENCES_MAX_CHARS) {
            text = text.substring(0, DIFFERENCES_MAX_CHARS - 12) + "\n(truncated)";
        }
        ReconExchangeRow row = new ReconExchangeRow(UUID.randomUUID(), scheme,
                ours.businessDate(), clock.instant(), outcome, ours.currency(),
                ours.toArray(), theirs == null ? null : theirs.toArray(), differences.size(),
                text);
        store.clearing().recordReconExchange(row);
        store.submit(new StoreWrite.Audit(new AuditEntry(UUID.randomUUID(), row.exchangedAt(),
                "clearing", "RECON_EXCHANGED", scheme + " " + ours.businessDate(), outcome
                        + " net ours " + ours.netMinor() + " theirs "
                        + (theirs == null ? "-" : Long.toString(theirs.netMinor())) + ", "
                        + differences.size() + " differences"))).join();
        return row;
    }

    /** The latest exchange with {@code scheme} for {@code date}, if any. */
    public Optional<ReconExchangeRow> last(String scheme, LocalDate date) {
        return store.clearing().lastReconExchange(scheme, date);
    }

    /**
     * The file's records of the scheme's issuing side, without a presentment and its full
     * reversal in the same file: they moved no money, and the scheme nets them out the same
     * way (as it does a request Caspian timed out and reversed, which never clears).
     */
    private List<ClearingEntry> issuing(String scheme, LocalDate date) {
        Map<UUID, ClearingEntry> out = new LinkedHashMap<>();
        for (ClearingEntry e : clearing.entriesOf(scheme, date)) {
            if (e.kind().isDispute() || !e.issuer().equals(scheme)
                    || e.acquirer().equals(scheme)) {
                continue;
            }
            ClearingEntry original = e.kind() == EntryKind.REVERSAL
                    ? out.get(e.originalId()) : null;
            if (original != null && original.kind() == EntryKind.PRESENTMENT
                    && original.issuerAmount().equals(e.issuerAmount())) {
                out.remove(e.originalId());
                continue;
            }
            out.put(e.itemId(), e);
        }
        return new ArrayList<>(out.values());
    }

    /** Bookings without the pairs a full reversal cancelled (as {@link #issuing}). */
    private static List<SchemeBooking> netted(List<SchemeBooking> bookings) {
        Map<String, SchemeBooking> out = new LinkedHashMap<>();
        int n = 0;
        for (SchemeBooking b : bookings) {
            String id = b.key().substring(2);
            SchemeBooking original = b.reversal() ? out.get("P|" + id) : null;
            if (original != null && original.amountMinor() == b.amountMinor()) {
                out.remove("P|" + id);
                continue;
            }
            // A second booking under the same key (it should not happen) is kept apart.
            out.put(out.containsKey(b.key()) ? b.key() + "#" + ++n : b.key(), b);
        }
        return new ArrayList<>(out.values());
    }

    /** 0 debits, 2 debit reversals, 4 credits, 6 credit reversals. */
    private static int slot(ClearingEntry e) {
        // A completion's adjustment counts as the scheme books it: one for less as a partial
        // reversal of the authorization, one for more as a debit.
        boolean reversal = e.kind() == EntryKind.REVERSAL
                || e.kind() == EntryKind.ADJUSTMENT && e.sign() != e.type().sign();
        // A reversal's sign is the opposite of its original's.
        boolean debit = reversal ? e.sign() < 0 : e.sign() > 0;
        return (debit ? 0 : 4) + (reversal ? 2 : 0);
    }

    private IssuerReference referenceOf(ClearingEntry e) {
        UUID id = e.originalId() != null ? e.originalId() : e.itemId();
        return store.findById(id).map(TransactionRecord::issuer).orElse(null);
    }
}
