package io.caspian.store;

import com.zaxxer.hikari.HikariDataSource;
import io.caspian.store.ClearingRows.BusinessDateRow;
import io.caspian.store.ClearingRows.DisputeRow;
import io.caspian.store.ClearingRows.FileRow;
import io.caspian.store.ClearingRows.ItemRow;
import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.ClearingRows.PrefundCredit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Clearing's tables (V2): files sent and their items, disputes, settlement positions and
 * prefund credits; reconciliation exchanges with the schemes (V4). Batch work, so writes go
 * straight to the pool in their own database transaction, never through the switch's group
 * committer. Thread-safe.
 */
public final class ClearingLedger {
    /** Transaction states clearing looks at: approvals that stand and reversals owed/done. */
    private static final String CLEARABLE_STATES = "'APPROVED', 'STOOD_IN', 'ADVICE_PENDING',"
            + " 'ADVISED', 'REVERSAL_PENDING', 'REVERSED'";

    private final HikariDataSource dataSource;
    private final Queries queries;

    ClearingLedger(HikariDataSource dataSource, Queries queries) {
        this.dataSource = dataSource;
        this.queries = queries;
    }

    /**
     * Transactions of {@code scheme} (either side) with a business date in
     * {@code [from, to]} in a clearable state that are in none of the scheme's files yet,
     * oldest first. Late ones (in flight at cut-over, the earlier file already sent) are
     * picked up here.
     */
    public List<TransactionRecord> unclearedTransactions(String scheme, LocalDate from,
            LocalDate to) {
        return queries.list(TransactionRows.SELECT + " t WHERE t.business_date >= ?"
                + " AND t.business_date <= ? AND (t.acquirer_scheme = ? OR t.issuer_scheme = ?)"
                + " AND t.state IN (" + CLEARABLE_STATES + ") AND NOT EXISTS (SELECT 1"
                + " FROM clearing_item c WHERE c.scheme = ? AND c.item_id = t.id)"
                + " ORDER BY t.business_date, t.created_at, t.id", s -> {
                    s.setObject(1, from);
                    s.setObject(2, to);
                    s.setString(3, scheme);
                    s.setString(4, scheme);
                    s.setString(5, scheme);
                }, TransactionRows::map);
    }

    /** The scheme's latest file before {@code date}, if any. */
    public Optional<FileRow> previousFile(String scheme, LocalDate date) {
        return queries.list("SELECT scheme, business_date, file_name, record_count, sha256,"
                + " created_at FROM clearing_file WHERE scheme = ? AND business_date < ?"
                + " ORDER BY business_date DESC LIMIT 1", s -> {
                    s.setString(1, scheme);
                    s.setObject(2, date);
                }, ClearingRowMaps::file).stream().findFirst();
    }

    /** What was recorded against {@code originalId} (reversals, completions), oldest first. */
    public List<TransactionRecord> followUpsOf(UUID originalId) {
        return queries.list(TransactionRows.SELECT + " WHERE original_id = ?"
                + " ORDER BY created_at, id", s -> s.setObject(1, originalId),
                TransactionRows::map);
    }

    /** Every transaction of one business date, any state, oldest first. */
    public List<TransactionRecord> transactionsOf(LocalDate date) {
        return queries.list(TransactionRows.SELECT + " WHERE business_date = ?"
                + " ORDER BY created_at, id", s -> s.setObject(1, date), TransactionRows::map);
    }

    /** Disputes dated in {@code [from, to]} not yet in any of the scheme's files. */
    public List<DisputeRow> unclearedDisputes(String scheme, LocalDate from, LocalDate to) {
        return queries.list("SELECT " + ClearingRowMaps.DISPUTE_COLUMNS + " FROM dispute d"
                + " JOIN card_transaction t ON t.id = d.original_id"
                + " WHERE d.business_date >= ? AND d.business_date <= ?"
                + " AND (t.acquirer_scheme = ? OR t.issuer_scheme = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM clearing_item c"
                + " WHERE c.scheme = ? AND c.item_id = d.id)"
                + " ORDER BY d.business_date, d.raised_at, d.id", s -> {
                    s.setObject(1, from);
                    s.setObject(2, to);
                    s.setString(3, scheme);
                    s.setString(4, scheme);
                    s.setString(5, scheme);
                }, ClearingRowMaps::dispute);
    }

    public Optional<DisputeRow> dispute(UUID id) {
        return queries.one("SELECT " + ClearingRowMaps.DISPUTE_COLUMNS + " FROM dispute d"
                + " WHERE d.id = ?", s -> s.setObject(1, id), ClearingRowMaps::dispute);
    }

    /** The disputes of one original, in order of their stage. */
    public List<DisputeRow> disputesOf(UUID originalId) {
        return queries.list("SELECT " + ClearingRowMaps.DISPUTE_COLUMNS + " FROM dispute d"
                + " WHERE d.original_id = ? ORDER BY d.raised_at, d.id",
                s -> s.setObject(1, originalId), ClearingRowMaps::dispute);
    }

    /** Records a dispute stage; {@link StoreFailure#CONFLICT} if that stage exists. */
    public void insertDispute(DisputeRow d) {
        write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dispute ("
                    + ClearingRowMaps.DISPUTE_COLUMNS.replace("d.", "") + ") VALUES ("
                    + "?, ".repeat(14) + "?)")) {
                ClearingRowMaps.bindDispute(s, d);
                s.executeUpdate();
            }
        }, "dispute " + d.stage() + " of " + d.originalId() + " exists");
    }

    public Optional<FileRow> file(String scheme, LocalDate date) {
        return queries.one("SELECT scheme, business_date, file_name, record_count, sha256,"
                + " created_at FROM clearing_file WHERE scheme = ? AND business_date = ?", s -> {
                    s.setString(1, scheme);
                    s.setObject(2, date);
                }, ClearingRowMaps::file);
    }

    /** The items of one file, in record order. */
    public List<ItemRow> items(String scheme, LocalDate date) {
        return queries.list("SELECT scheme, item_id, business_date, record_seq, kind,"
                + " interchange_fee_minor, switch_fee_minor, fee_currency FROM clearing_item"
                + " WHERE scheme = ? AND business_date = ? ORDER BY record_seq", s -> {
                    s.setString(1, scheme);
                    s.setObject(2, date);
                }, ClearingRowMaps::item);
    }

    /**
     * The transactions a sent file refers to: its items and the originals of its reversals
     * and dispute stages, in no particular order. Lets a file be rebuilt in a few queries.
     */
    public List<TransactionRecord> transactionsOfFile(String scheme, LocalDate date) {
        String items = "SELECT item_id FROM clearing_item WHERE scheme = ? AND business_date = ?";
        return queries.list(TransactionRows.SELECT + " WHERE id IN (" + items + ") OR id IN"
                + " (SELECT original_id FROM card_transaction WHERE id IN (" + items + "))"
                + " OR id IN (SELECT original_id FROM dispute WHERE id IN (" + items + "))",
                s -> {
                    for (int i = 0; i < 3; i++) {
                        s.setString(2 * i + 1, scheme);
                        s.setObject(2 * i + 2, date);
                    }
                }, TransactionRows::map);
    }

    /** The dispute stages a sent file holds, in no particular order. */
    public List<DisputeRow> disputesOfFile(String scheme, LocalDate date) {
        return queries.list("SELECT " + ClearingRowMaps.DISPUTE_COLUMNS + " FROM dispute d"
                + " WHERE d.id IN (SELECT item_id FROM clearing_item WHERE scheme = ?"
                + " AND business_date = ?)", s -> {
                    s.setString(1, scheme);
                    s.setObject(2, date);
                }, ClearingRowMaps::dispute);
    }

    /** Where an item was cleared for {@code scheme}, if it was. */
    public Optional<ItemRow> item(String scheme, UUID itemId) {
        return queries.one("SELECT scheme, item_id, business_date, record_seq, kind,"
                + " interchange_fee_minor, switch_fee_minor, fee_currency FROM clearing_item"
                + " WHERE scheme = ? AND item_id = ?", s -> {
                    s.setString(1, scheme);
                    s.setObject(2, itemId);
                }, ClearingRowMaps::item);
    }

    /**
     * Records a sent file and its items in one database transaction, and fills the fee
     * columns of the transactions it clears. {@link StoreFailure#CONFLICT} if the file or
     * any item was recorded before: a date already sent is never changed.
     */
    public void recordFile(FileRow file, List<ItemRow> items) {
        write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clearing_file (scheme,"
                    + " business_date, file_name, record_count, sha256, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                ClearingRowMaps.bindFile(s, file);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clearing_item (scheme,"
                    + " item_id, business_date, record_seq, kind, interchange_fee_minor,"
                    + " switch_fee_minor, fee_currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement fees = c.prepareStatement("UPDATE card_transaction SET"
                            + " interchange_fee_minor = ?, switch_fee_minor = ?,"
                            + " fee_currency = ? WHERE id = ? AND fee_currency IS NULL")) {
                for (ItemRow item : items) {
                    ClearingRowMaps.bindItem(s, item);
                    s.addBatch();
                    fees.setLong(1, item.interchangeFeeMinor());
                    fees.setLong(2, item.switchFeeMinor());
                    fees.setShort(3, (short) item.feeCurrency());
                    fees.setObject(4, item.itemId());
                    fees.addBatch();
                }
                s.executeBatch();
                fees.executeBatch();
            }
        }, "clearing file " + file.scheme() + " " + file.businessDate() + " was already sent");
    }

    /**
     * Records a business date's settlement and the prefund credits it owes, once;
     * {@link StoreFailure#CONFLICT} if the date was settled before.
     */
    public void recordSettlement(List<PositionRow> positions, List<PrefundCredit> credits) {
        write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO settlement_position ("
                    + ClearingRowMaps.POSITION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PositionRow p : positions) {
                    ClearingRowMaps.bindPosition(s, p);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO prefund_credit (scheme,"
                    + " business_date, amount_minor, currency, recorded_at, applied_at)"
                    + " VALUES (?, ?, ?, ?, ?, NULL)")) {
                for (PrefundCredit p : credits) {
                    s.setString(1, p.scheme());
                    s.setObject(2, p.businessDate());
                    s.setLong(3, p.amountMinor());
                    s.setShort(4, (short) p.currency());
                    Jdbc.setInstant(s, 5, p.recordedAt());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }, "the business date was already settled");
    }

    /** A settled date's positions, by participant and currency. */
    public List<PositionRow> settlement(LocalDate date) {
        return queries.list("SELECT " + ClearingRowMaps.POSITION_COLUMNS
                + " FROM settlement_position WHERE business_date = ?"
                + " ORDER BY participant, currency", s -> s.setObject(1, date),
                ClearingRowMaps::position);
    }

    /** Prefund credits the switch has not applied to its positions yet, oldest first. */
    public List<PrefundCredit> unappliedPrefundCredits() {
        return queries.list("SELECT scheme, business_date, amount_minor, currency,"
                + " recorded_at, applied_at FROM prefund_credit WHERE applied_at IS NULL"
                + " ORDER BY business_date, scheme", s -> { }, ClearingRowMaps::credit);
    }

    /** Every prefund credit settlement has recorded, applied or not, oldest first. */
    public List<PrefundCredit> prefundCredits() {
        return queries.list("SELECT scheme, business_date, amount_minor, currency,"
                + " recorded_at, applied_at FROM prefund_credit"
                + " ORDER BY business_date, scheme", s -> { }, ClearingRowMaps::credit);
    }

    /** Marks a credit applied; false if it already was (another node applied it). */
    public boolean markPrefundApplied(String scheme, LocalDate date, Instant at) {
        boolean[] changed = {false};
        write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE prefund_credit SET"
                    + " applied_at = ? WHERE scheme = ? AND business_date = ?"
                    + " AND applied_at IS NULL")) {
                Jdbc.setInstant(s, 1, at);
                s.setString(2, scheme);
                s.setObject(3, date);
                changed[0] = s.executeUpdate() == 1;
            }
        }, "prefund credit");
        return changed[0];
    }

    /** A scheme's business dates, latest first. */
    public List<BusinessDateRow> businessDates(String scheme) {
        return queries.list("SELECT scheme, business_date, opened_at, closed_at"
                + " FROM business_date WHERE scheme = ? ORDER BY business_date DESC",
                s -> s.setString(1, scheme), ClearingRowMaps::businessDate);
    }

    /** Records one exchange of reconciliation totals with a scheme (V4). */
    public void recordReconExchange(ReconExchangeRow row) {
        StringBuilder cols = new StringBuilder("id, scheme, business_date, exchanged_at,"
                + " outcome, currency, difference_count, differences");
        for (String t : ReconExchangeRow.TOTALS) {
            cols.append(", our_").append(t).append(", their_").append(t);
        }
        String marks = "?" + ", ?".repeat(8 + 2 * ReconExchangeRow.TOTALS.length - 1);
        write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recon_exchange ("
                    + cols + ") VALUES (" + marks + ")")) {
                s.setObject(1, row.id());
                s.setString(2, row.scheme());
                s.setObject(3, row.businessDate());
                Jdbc.setInstant(s, 4, row.exchangedAt());
                s.setString(5, row.outcome());
                s.setShort(6, (short) row.currency());
                s.setInt(7, row.differenceCount());
                s.setString(8, row.differences());
                long[] ours = row.ours();
                long[] theirs = row.theirs();
                for (int i = 0; i < ours.length; i++) {
                    s.setLong(9 + 2 * i, ours[i]);
                    if (theirs == null) {
                        s.setNull(10 + 2 * i, java.sql.Types.BIGINT);
                    } else {
                        s.setLong(10 + 2 * i, theirs[i]);
                    }
                }
                s.executeUpdate();
            }
        }, "reconciliation exchange " + row.id() + " was already recorded");
    }

    /** The latest exchange of reconciliation totals with a scheme for a date, if any. */
    public Optional<ReconExchangeRow> lastReconExchange(String scheme, LocalDate date) {
        return queries.one("SELECT * FROM recon_exchange WHERE scheme = ? AND business_date"
                + " = ? ORDER BY exchanged_at DESC, id FETCH FIRST 1 ROWS ONLY", s -> {
                    s.setString(1, scheme);
                    s.setObject(2, date);
                }, r -> {
                    long[] ours = new long[ReconExchangeRow.TOTALS.length];
                    long[] theirs = new long[ours.length];
                    boolean answered = true;
                    for (int i = 0; i < ours.length; i++) {
                        ours[i] = r.getLong("our_" + ReconExchangeRow.TOTALS[i]);
                        theirs[i] = r.getLong("their_" + ReconExchangeRow.TOTALS[i]);
                        answered &= !r.wasNull();
                    }
                    return new ReconExchangeRow(r.getObject("id", UUID.class),
                            r.getString("scheme"), r.getObject("business_date",
                                    LocalDate.class), Jdbc.getInstant(r, "exchanged_at"),
                            r.getString("outcome"), r.getShort("currency"), ours,
                            answered ? theirs : null, r.getInt("difference_count"),
                            r.getString("differences"));
                });
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void write(Work work, String conflict) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new StoreException(StoreFailure.CONFLICT, conflict, e);
            }
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "clearing write failed: " + Jdbc.describe(e), e);
        }
    }

    /** SQLState 23505 (PostgreSQL and H2 alike): a primary key or unique constraint. */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
            if (s.getCause() instanceof SQLException cause && "23505".equals(
                    cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
