package io.caspian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Store-and-forward items: owed once per (transaction, kind), until acknowledged. */
final class SafWriter {
    static final String INSERT = "INSERT INTO saf_item (transaction_id, kind,"
            + " target_scheme, status, message_mti, reason_code, amount_minor, currency,"
            + " attempts, created_at, next_attempt_at, last_attempt_at, last_error, acked_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)"
            + " ON CONFLICT DO NOTHING";

    // A replayed attempt counts twice; harmless, as attempts only pace the retries.
    static final String ATTEMPT = "UPDATE saf_item SET attempts = attempts + 1,"
            + " last_attempt_at = ?, next_attempt_at = ?, last_error = ?"
            + " WHERE transaction_id = ? AND kind = ? AND status = 'PENDING'";

    static final String ACK = "UPDATE saf_item SET status = 'ACKED', acked_at = ?"
            + " WHERE transaction_id = ? AND kind = ? AND status = 'PENDING'";

    private static final String EXISTS =
            "SELECT status FROM saf_item WHERE transaction_id = ? AND kind = ?";

    private final Statements statements;

    SafWriter(Statements statements) {
        this.statements = statements;
    }

    /** A second enqueue of the same item is a replay and adds nothing. */
    void enqueue(SafItem item) throws SQLException {
        PreparedStatement s = statements.get(INSERT);
        bindInsert(s, item);
        s.executeUpdate();
    }

    static void bindInsert(PreparedStatement s, SafItem item) throws SQLException {
        int i = 0;
        s.setObject(++i, item.transactionId());
        s.setString(++i, item.kind().name());
        s.setString(++i, item.targetScheme());
        s.setString(++i, item.status().name());
        s.setString(++i, item.messageMti());
        s.setString(++i, item.reasonCode());
        s.setLong(++i, item.amountMinor());
        s.setShort(++i, (short) item.currency());
        s.setInt(++i, item.attempts());
        Jdbc.setInstant(s, ++i, item.createdAt());
        Jdbc.setInstant(s, ++i, item.nextAttemptAt());
    }

    void attempt(StoreWrite.SafAttempt w) throws SQLException, WriteConflict {
        PreparedStatement s = statements.get(ATTEMPT);
        bindAttempt(s, w);
        if (s.executeUpdate() == 0) {
            // An attempt that raced its own acknowledgement changes nothing.
            requireExists(w.transactionId(), w.kind());
        }
    }

    void ack(StoreWrite.SafAck w) throws SQLException, WriteConflict {
        PreparedStatement s = statements.get(ACK);
        bindAck(s, w);
        if (s.executeUpdate() == 0) {
            // A duplicate 0430 or a replay: already acknowledged.
            requireExists(w.transactionId(), w.kind());
        }
    }

    static void bindAttempt(PreparedStatement s, StoreWrite.SafAttempt w)
            throws SQLException {
        Jdbc.setInstant(s, 1, w.attemptedAt());
        Jdbc.setInstant(s, 2, w.nextAttemptAt());
        s.setString(3, w.error());
        s.setObject(4, w.transactionId());
        s.setString(5, w.kind().name());
    }

    static void bindAck(PreparedStatement s, StoreWrite.SafAck w) throws SQLException {
        Jdbc.setInstant(s, 1, w.ackedAt());
        s.setObject(2, w.transactionId());
        s.setString(3, w.kind().name());
    }

    void requireExists(UUID id, SafKind kind)
            throws SQLException, WriteConflict {
        PreparedStatement s = statements.get(EXISTS);
        s.setObject(1, id);
        s.setString(2, kind.name());
        try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new WriteConflict("no " + kind + " owed for transaction " + id);
            }
        }
    }
}
