package io.caspian.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link WritePlan} with one JDBC batch per statement kind and level, so a batch of
 * submissions costs a handful of round trips instead of several per write. Inside the
 * committer's open database transaction, like {@link WriteApplier}.
 *
 * <p>This is the fast path only: anything that needs a decision per write throws, and the
 * caller rolls the batch back and runs it write by write with a savepoint per submission.
 * Inserts here have no {@code ON CONFLICT}: an id that exists (a replay, or a reused id)
 * fails the statement, and the write-by-write path tells the two apart. A transition that
 * updates nothing is checked at once, as the write-by-write path would: a replay of a
 * committed edge passes, anything else is a {@link WriteConflict}.
 */
final class PlanApplier {
    static final String INSERT_TRANSACTION = "INSERT INTO card_transaction ("
            + TransactionRows.COLUMNS + ") VALUES ("
            + "?, ".repeat(TransactionRows.COLUMN_COUNT - 1) + "?)";

    static final String INSERT_CHANGE = "INSERT INTO transaction_state_change"
            + " (transaction_id, seq, from_state, to_state, cause, changed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    private final Statements statements;
    private final TransitionWriter transitions;
    private final SafWriter saf;

    PlanApplier(Statements statements) {
        this.statements = statements;
        this.transitions = new TransitionWriter(statements);
        this.saf = new SafWriter(statements);
    }

    void apply(WritePlan plan) throws SQLException, WriteConflict {
        for (WritePlan.Level level : plan.levels()) {
            insert(level.inserts());
            transition(level.transitions());
            enqueue(level.enqueues());
            attempt(level.attempts());
            ack(level.acks());
        }
    }

    private void insert(List<WritePlan.NewTransaction> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        PreparedStatement rows = statements.get(INSERT_TRANSACTION);
        PreparedStatement changes = statements.get(INSERT_CHANGE);
        for (WritePlan.NewTransaction n : inserts) {
            TransactionRows.bindInsert(rows, n.row(), n.updatedAt(), n.stateSeq());
            rows.addBatch();
            for (WritePlan.Change c : n.history()) {
                bindChange(changes, c);
                changes.addBatch();
            }
        }
        // Rows first: the history rows' foreign key needs them.
        requireEach(rows.executeBatch(), 1, "transaction insert");
        requireEach(changes.executeBatch(), 1, "state change insert");
    }

    private static void bindChange(PreparedStatement s, WritePlan.Change c)
            throws SQLException {
        s.setObject(1, c.transactionId());
        s.setInt(2, c.seq());
        if (c.from() == null) {
            s.setNull(3, Types.VARCHAR);
        } else {
            s.setString(3, c.from().name());
        }
        s.setString(4, c.to().name());
        s.setString(5, c.cause());
        Jdbc.setInstant(s, 6, c.at());
    }

    private void transition(List<StoreWrite.Transition> writes)
            throws SQLException, WriteConflict {
        if (writes.isEmpty()) {
            return;
        }
        if (statements.isPostgres()) {
            boolean[] moved = PostgresTransitions.apply(statements, writes);
            for (int i = 0; i < writes.size(); i++) {
                if (!moved[i]) {
                    transitions.requireReplay(writes.get(i));
                }
            }
            return;
        }
        PreparedStatement update = statements.get(TransitionWriter.UPDATE);
        for (StoreWrite.Transition w : writes) {
            TransitionWriter.bindUpdate(update, w);
            update.addBatch();
        }
        int[] counts = update.executeBatch();
        List<StoreWrite.Transition> moved = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            if (updated(counts, i, writes.size())) {
                moved.add(writes.get(i));
            } else {
                transitions.requireReplay(writes.get(i));
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        PreparedStatement change = statements.get(TransitionWriter.INSERT_CHANGE);
        for (StoreWrite.Transition w : moved) {
            TransitionWriter.bindChange(change, w);
            change.addBatch();
        }
        requireEach(change.executeBatch(), 1, "state change insert");
    }

    private void enqueue(List<SafItem> items) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        // ON CONFLICT DO NOTHING stays: a repeated enqueue is a no-op either way.
        PreparedStatement insert = statements.get(SafWriter.INSERT);
        for (SafItem item : items) {
            SafWriter.bindInsert(insert, item);
            insert.addBatch();
        }
        insert.executeBatch();
    }

    private void attempt(List<StoreWrite.SafAttempt> writes)
            throws SQLException, WriteConflict {
        if (writes.isEmpty()) {
            return;
        }
        PreparedStatement s = statements.get(SafWriter.ATTEMPT);
        for (StoreWrite.SafAttempt w : writes) {
            SafWriter.bindAttempt(s, w);
            s.addBatch();
        }
        int[] counts = s.executeBatch();
        for (int i = 0; i < writes.size(); i++) {
            if (!updated(counts, i, writes.size())) {
                saf.requireExists(writes.get(i).transactionId(), writes.get(i).kind());
            }
        }
    }

    private void ack(List<StoreWrite.SafAck> writes) throws SQLException, WriteConflict {
        if (writes.isEmpty()) {
            return;
        }
        PreparedStatement s = statements.get(SafWriter.ACK);
        for (StoreWrite.SafAck w : writes) {
            SafWriter.bindAck(s, w);
            s.addBatch();
        }
        int[] counts = s.executeBatch();
        for (int i = 0; i < writes.size(); i++) {
            if (!updated(counts, i, writes.size())) {
                saf.requireExists(writes.get(i).transactionId(), writes.get(i).kind());
            }
        }
    }

    /**
     * Whether statement {@code i} of a batch of guarded updates changed its row. A driver
     * that does not report counts leaves the guard unanswered, so that is a conflict here
     * and the write-by-write path decides.
     */
    private static boolean updated(int[] counts, int i, int expected) throws WriteConflict {
        Invariants.check(counts.length == expected,
                "batch reported " + counts.length + " counts for " + expected + " statements");
        return switch (counts[i]) {
            case 1 -> true;
            case 0 -> false;
            default -> throw new WriteConflict("update count " + counts[i]
                    + " for a guarded update by primary key");
        };
    }

    /**
     * Inserts without {@code ON CONFLICT} either insert their row or fail the batch; a
     * driver that rewrites them into multi-row statements reports "no info" instead.
     */
    private static void requireEach(int[] counts, int expected, String what) {
        for (int count : counts) {
            Invariants.check(count == expected || count == Statement.SUCCESS_NO_INFO,
                    what + " reported " + count + " rows");
        }
    }
}
