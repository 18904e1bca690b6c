package io.caspian.clearing;

import io.caspian.store.AuditEntry;
import io.caspian.store.ClearingLedger;
import io.caspian.store.ClearingRows.DisputeRow;
import io.caspian.store.ClearingRows.FileRow;
import io.caspian.store.ClearingRows.ItemRow;
import io.caspian.store.StoreException;
import io.caspian.store.StoreFailure;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a scheme's clearing file for a closed business date: every presentment, reversal
 * and dispute stage of that date, plus late ones of earlier dates not yet sent to the
 * scheme. The first run records the file and its items; a rerun rebuilds the file from
 * those records and must reproduce its digest, so a date already sent never changes.
 */
public final class ClearingService {
    /** Days before the previous file that late items are looked for. */
    static final int LATE_DAYS_MAX = 7;

    private final TransactionStore store;
    private final ClearingLedger ledger;
    private final ClearingSettings settings;
    private final BusinessDates dates;
    private final Clock clock;
    private final Entries entries;

    public ClearingService(TransactionStore store, ClearingSettings settings,
            BusinessDates dates, Clock clock) {
        this.store = store;
        this.ledger = store.clearing();
        this.settings = settings;
        this.dates = dates;
        this.clock = clock;
        this.entries = new Entries(settings.fees());
    }

    /** Clears every scheme for {@code date}, in scheme order. */
    public List<ClearingFile> clearAll(LocalDate date) {
        List<ClearingFile> files = new ArrayList<>();
        for (String scheme : settings.schemes().keySet()) {
            files.add(clear(scheme, date));
        }
        return files;
    }

    /**
     * The scheme's file for {@code date}: written and recorded the first time, rebuilt and
     * checked against its recorded digest afterwards.
     *
     * @throws ClearingException if the date is still open for a scheme, or a rebuilt file
     *     differs from the one sent
     */
    public ClearingFile clear(String scheme, LocalDate date) {
        settings.scheme(scheme);
        var sent = ledger.file(scheme, date);
        if (sent.isPresent()) {
            return rebuild(sent.get());
        }
        for (String s : settings.schemes().keySet()) {
            LocalDate current = dates.current(s);
            if (!date.isBefore(current)) {
                throw new ClearingException("business date " + date + " is still open for "
                        + s + " (its current date is " + current + "); cut over first"
                        + " (caspian cutover)");
            }
        }
        return first(scheme, date);
    }

    private ClearingFile first(String scheme, LocalDate date) {
        List<ClearingEntry> list = select(scheme, date);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String name = fileName(scheme, date);
        byte[] bytes = ClearingFileFormat.render(scheme, date, createdAt, name, list);
        String digest = FileWriting.sha256(bytes);
        Path path = settings.outputDirectory().resolve(name);
        FileWriting.Staged staged = FileWriting.stage(path, bytes, digest);
        List<ItemRow> items = new ArrayList<>();
        for (ClearingEntry e : list) {
            items.add(new ItemRow(scheme, e.itemId(), date, items.size() + 1, e.kind().name(),
                    e.interchangeMinor(), e.switchFeeMinor(), e.feeCurrency()));
        }
        try {
            ledger.recordFile(new FileRow(scheme, date, name, list.size(), digest, createdAt),
                    items);
        } catch (StoreException e) {
            staged.discard();
            if (e.failure() == StoreFailure.CONFLICT) {
                // Another run recorded it first: that one is the file; rebuild it.
                return rebuild(ledger.file(scheme, date).orElseThrow(() -> e));
            }
            throw e;
        }
        staged.commit();
        store.submit(new StoreWrite.Audit(new AuditEntry(UUID.randomUUID(), clock.instant(),
                "clearing", "CLEARING_FILE_SENT", scheme + " " + date, name + " "
                        + list.size() + " records sha256 " + digest))).join();
        return result(scheme, date, path, digest, list, false);
    }

    /** Eligible records in file order: transactions, then dispute stages. */
    private List<ClearingEntry> select(String scheme, LocalDate date) {
        LocalDate from = lookBackFrom(scheme, date);
        List<TransactionRecord> rows = ledger.unclearedTransactions(scheme, from, date);
        Map<UUID, TransactionRecord> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<ClearingEntry> out = new ArrayList<>();
        Set<UUID> presented = new HashSet<>();
        for (TransactionRecord t : rows) {
            if (Entries.isPresentment(t)) {
                out.add(entries.presentment(t));
                presented.add(t.id());
            }
        }
        for (TransactionRecord r : rows) {
            if (r.originalId() == null) {
                continue;
            }
            TransactionRecord original = byId.containsKey(r.originalId())
                    ? byId.get(r.originalId()) : store.findById(r.originalId()).orElse(null);
            // A reversal or a completion's adjustment clears only against an original already
            // cleared to this scheme or in this same file, so it always changes exactly one
            // cleared original (I3).
            boolean reversal = Entries.isReversalOf(r, original);
            boolean completion = !reversal && Entries.isCompletionOf(r, original);
            if ((reversal || completion) && (presented.contains(original.id())
                    || ledger.item(scheme, original.id()).isPresent())) {
                out.add(reversal ? entries.reversal(r, original, feeBase(original))
                        : entries.adjustment(r, original));
            }
        }
        for (DisputeRow d : ledger.unclearedDisputes(scheme, from, date)) {
            out.add(Entries.dispute(d, store.findById(d.originalId()).orElseThrow()));
        }
        return out;
    }

    /**
     * The amount an original's fees are charged on: the final amount of its completion, if
     * one was accepted (its adjustment moves the fees there), else the authorized amount.
     */
    private long feeBase(TransactionRecord original) {
        long base = original.acquirerAmount().minor();
        for (TransactionRecord c : ledger.followUpsOf(original.id())) {
            if (Entries.isCompletionOf(c, original)) {
                base = c.acquirerAmount().minor();
            }
        }
        return base;
    }

    /**
     * How far back late items are looked for: {@value #LATE_DAYS_MAX} days before the
     * scheme's previous file (everything clearable then is in it; what became clearable
     * since is recent), or from the beginning for a scheme's first file. Keeps a day's
     * clearing from reading all of history.
     */
    private LocalDate lookBackFrom(String scheme, LocalDate date) {
        return ledger.previousFile(scheme, date)
                .map(f -> f.businessDate().minusDays(LATE_DAYS_MAX))
                .orElse(LocalDate.of(1970, 1, 1));
    }

    private ClearingFile rebuild(FileRow sent) {
        List<ClearingEntry> list = entriesOf(sent.scheme(), sent.businessDate());
        byte[] bytes = ClearingFileFormat.render(sent.scheme(), sent.businessDate(),
                sent.createdAt(), sent.fileName(), list);
        String digest = FileWriting.sha256(bytes);
        if (!digest.equals(sent.sha256())) {
            throw new ClearingException("clearing file " + sent.fileName() + " was sent with"
                    + " SHA-256 " + sent.sha256() + " but its records now give " + digest
                    + "; the store was changed after the file was sent");
        }
        Path path = settings.outputDirectory().resolve(sent.fileName());
        FileWriting.ensure(path, bytes, digest);
        return result(sent.scheme(), sent.businessDate(), path, digest, list, true);
    }

    /** The entries recorded in a sent file, in record order, with the fees they carried. */
    public List<ClearingEntry> entriesOf(String scheme, LocalDate date) {
        List<ItemRow> items = ledger.items(scheme, date);
        Map<UUID, TransactionRecord> transactions = new HashMap<>();
        Map<UUID, DisputeRow> disputes = new HashMap<>();
        if (!items.isEmpty()) {
            ledger.transactionsOfFile(scheme, date).forEach(t -> transactions.put(t.id(), t));
            ledger.disputesOfFile(scheme, date).forEach(d -> disputes.put(d.id(), d));
        }
        List<ClearingEntry> list = new ArrayList<>(items.size());
        for (ItemRow item : items) {
            list.add(entry(item, transactions, disputes));
        }
        return list;
    }

    /** One recorded item as its record, with the fees it was sent with. */
    private ClearingEntry entry(ItemRow item, Map<UUID, TransactionRecord> transactions,
            Map<UUID, DisputeRow> disputes) {
        EntryKind kind = EntryKind.valueOf(item.kind());
        ClearingEntry e;
        if (kind.isDispute()) {
            DisputeRow d = present(disputes.get(item.itemId()), item);
            e = Entries.dispute(d, present(transactions.get(d.originalId()), item));
        } else {
            TransactionRecord t = present(transactions.get(item.itemId()), item);
            e = switch (kind) {
                case PRESENTMENT -> entries.presentment(t);
                case ADJUSTMENT -> entries.adjustment(t,
                        present(transactions.get(t.originalId()), item));
                default -> entries.reversal(t, present(transactions.get(t.originalId()), item));
            };
        }
        return e.withFees(item.interchangeFeeMinor(), item.switchFeeMinor());
    }

    private static <T> T present(T row, ItemRow item) {
        if (row == null) {
            throw new ClearingException("clearing item " + item.itemId() + " of "
                    + item.scheme() + " " + item.businessDate() + " refers to a row that is no"
                    + " longer in the store");
        }
        return row;
    }

    private static ClearingFile result(String scheme, LocalDate date, Path path, String digest,
            List<ClearingEntry> list, boolean rerun) {
        int late = (int) list.stream().filter(e -> e.transactionDate().isBefore(date)).count();
        return new ClearingFile(scheme, date, path, digest, list.size(), late,
                List.copyOf(ClearingFileFormat.totals(scheme, list).values()), rerun);
    }

    static String fileName(String scheme, LocalDate date) {
        return "caspian-" + scheme + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(date)
                + ".clr";
    }
}
