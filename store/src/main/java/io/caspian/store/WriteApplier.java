package io.caspian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Applies one {@link StoreWrite} inside the committer's open database transaction. Each
 * write is idempotent by its key (see {@link StoreWrite}); a write that contradicts the
 * stored row throws {@link WriteConflict}.
 */
final class WriteApplier {
    private static final String INSERT_FIRST_CHANGE = "INSERT INTO transaction_state_change"
            + " (transaction_id, seq, from_state, to_state, cause, changed_at)"
            + " VALUES (?, 1, NULL, ?, ?, ?)";

    private final Statements statements;

    WriteApplier(Statements statements) {
        this.statements = statements;
    }

    void apply(StoreWrite write) throws SQLException, WriteConflict {
        if (write instanceof StoreWrite.InsertTransaction w) {
            insert(w);
        } else if (write instanceof StoreWrite.Transition w) {
            new TransitionWriter(statements).apply(w);
        } else if (write instanceof StoreWrite.EnqueueSaf w) {
            new SafWriter(statements).enqueue(w.item());
        } else if (write instanceof StoreWrite.SafAttempt w) {
            new SafWriter(statements).attempt(w);
        } else if (write instanceof StoreWrite.SafAck w) {
            new SafWriter(statements).ack(w);
        } else if (write instanceof StoreWrite.OpenBusinessDate w) {
            openBusinessDate(w);
        } else if (write instanceof StoreWrite.Audit w) {
            audit(w.entry());
        } else {
            throw new IllegalStateException("unknown write " + write.getClass());
        }
    }

    private void insert(StoreWrite.InsertTransaction w) throws SQLException, WriteConflict {
        TransactionRecord t = w.transaction();
        PreparedStatement insert = statements.get(TransactionRows.INSERT);
        TransactionRows.bindInsert(insert, t);
        if (insert.executeUpdate() == 0) {
            requireSameTransaction(t);
            return;
        }
        PreparedStatement change = statements.get(INSERT_FIRST_CHANGE);
        change.setObject(1, t.id());
        change.setString(2, t.state().name());
        change.setString(3, w.cause());
        Jdbc.setInstant(change, 4, t.createdAt());
        Invariants.check(change.executeUpdate() == 1, "first state change not recorded");
    }

    /**
     * The id exists. A replay of the same insert is fine; the same id on a different
     * transaction (another acquirer message, amount or card) is a switch bug to surface.
     */
    private void requireSameTransaction(TransactionRecord t) throws SQLException, WriteConflict {
        PreparedStatement select = statements.get(TransactionRows.SELECT + " WHERE id = ?");
        select.setObject(1, t.id());
        try (ResultSet r = select.executeQuery()) {
            if (!r.next()) {
                // Inserted and gone within our transaction: impossible without a delete.
                throw new WriteConflict("transaction " + t.id() + " vanished during insert");
            }
            TransactionRecord stored = TransactionRows.map(r);
            boolean same = stored.createdAt().equals(t.createdAt())
                    && stored.acquirerScheme().equals(t.acquirerScheme())
                    && stored.acquirer().equals(t.acquirer())
                    && stored.acquirerAmount().equals(t.acquirerAmount())
                    && stored.pan().hash().equals(t.pan().hash())
                    && stored.mti().equals(t.mti())
                    && Objects.equals(stored.originalId(), t.originalId());
            if (!same) {
                throw new WriteConflict("transaction id " + t.id()
                        + " already holds a different transaction");
            }
        }
    }

    private void openBusinessDate(StoreWrite.OpenBusinessDate w)
            throws SQLException, WriteConflict {
        PreparedStatement latest = statements.get(
                "SELECT MAX(business_date) FROM business_date WHERE scheme = ?");
        latest.setString(1, w.scheme());
        try (ResultSet r = latest.executeQuery()) {
            r.next();
            LocalDate current = r.getObject(1, LocalDate.class);
            if (current != null && current.isAfter(w.date())) {
                throw new WriteConflict("scheme " + w.scheme() + " is already in business date "
                        + current + "; cannot open " + w.date());
            }
        }
        PreparedStatement close = statements.get("UPDATE business_date SET closed_at = ?"
                + " WHERE scheme = ? AND closed_at IS NULL AND business_date < ?");
        Jdbc.setInstant(close, 1, w.at());
        close.setString(2, w.scheme());
        close.setObject(3, w.date());
        close.executeUpdate();
        PreparedStatement open = statements.get("INSERT INTO business_date"
                + " (scheme, business_date, opened_at, closed_at) VALUES (?, ?, ?, NULL)"
                + " ON CONFLICT DO NOTHING");
        open.setString(1, w.scheme());
        open.setObject(2, w.date());
        Jdbc.setInstant(open, 3, w.at());
        open.executeUpdate();
    }

    private void audit(AuditEntry e) throws SQLException {
        PreparedStatement insert = statements.get("INSERT INTO audit_entry"
                + " (id, recorded_at, operator, action, subject, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        insert.setObject(1, e.id());
        Jdbc.setInstant(insert, 2, e.at());
        insert.setString(3, e.operator());
        insert.setString(4, e.action());
        insert.setString(5, e.subject());
        insert.setString(6, e.detail());
        insert.executeUpdate();
    }
}
