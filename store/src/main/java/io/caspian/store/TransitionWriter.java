package io.caspian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A state transition: an update guarded by the expected current state (an optimistic
 * check that catches lost updates, also between switch nodes sharing one database), then
 * the history entry numbered by the row's new {@code state_seq}.
 */
final class TransitionWriter {
    static final String UPDATE = "UPDATE card_transaction SET state = ?,"
            + " state_seq = state_seq + 1, updated_at = ?,"
            + " issuer_amount_minor = COALESCE(?, issuer_amount_minor),"
            + " issuer_currency = COALESCE(?, issuer_currency),"
            + " issuer_currency_exponent = COALESCE(?, issuer_currency_exponent),"
            + " billing_amount_minor = COALESCE(?, billing_amount_minor),"
            + " billing_currency = COALESCE(?, billing_currency),"
            + " billing_currency_exponent = COALESCE(?, billing_currency_exponent),"
            + " conversion_rate = COALESCE(?, conversion_rate),"
            + " issuer_stan = COALESCE(?, issuer_stan),"
            + " issuer_rrn = COALESCE(?, issuer_rrn),"
            + " response_code = COALESCE(?, response_code),"
            + " issuer_response_code = COALESCE(?, issuer_response_code),"
            + " auth_code = COALESCE(?, auth_code),"
            + " stood_in = COALESCE(?, stood_in),"
            + " advice_stan = COALESCE(?, advice_stan),"
            + " advice_sent_at = COALESCE(?, advice_sent_at)"
            + " WHERE id = ? AND state = ?";

    // The history row takes its number from the row just updated, in the same database
    // transaction, so numbers are gapless per transaction without a sequence.
    static final String INSERT_CHANGE = "INSERT INTO transaction_state_change"
            + " (transaction_id, seq, from_state, to_state, cause, changed_at)"
            + " SELECT id, state_seq, ?, ?, ?, ? FROM card_transaction WHERE id = ?";

    /** A transaction's state and whether it took an edge: (from, to, id) -> (state, count). */
    static final String CURRENT = "SELECT c.state, (SELECT COUNT(*)"
            + " FROM transaction_state_change h WHERE h.transaction_id = c.id"
            + " AND h.from_state = ? AND h.to_state = ?) FROM card_transaction c WHERE c.id = ?";

    private final Statements statements;

    TransitionWriter(Statements statements) {
        this.statements = statements;
    }

    void apply(StoreWrite.Transition w) throws SQLException, WriteConflict {
        PreparedStatement update = statements.get(UPDATE);
        bindUpdate(update, w);
        if (update.executeUpdate() == 0) {
            requireReplay(w);
            return;
        }
        PreparedStatement change = statements.get(INSERT_CHANGE);
        bindChange(change, w);
        Invariants.check(change.executeUpdate() == 1, "state change not recorded");
    }

    static void bindChange(PreparedStatement change, StoreWrite.Transition w)
            throws SQLException {
        change.setString(1, w.from().name());
        change.setString(2, w.to().name());
        change.setString(3, w.cause());
        Jdbc.setInstant(change, 4, w.at());
        change.setObject(5, w.transactionId());
    }

    static void bindUpdate(PreparedStatement s, StoreWrite.Transition w)
            throws SQLException {
        TransitionFields f = w.fields();
        int i = 0;
        s.setString(++i, w.to().name());
        Jdbc.setInstant(s, ++i, w.at());
        i = TransactionRows.bindAmount(s, i, f.issuerAmount());
        i = TransactionRows.bindAmount(s, i, f.billingAmount());
        s.setBigDecimal(++i, f.conversionRate());
        s.setString(++i, f.issuer() == null ? null : f.issuer().stan());
        s.setString(++i, f.issuer() == null ? null : f.issuer().rrn());
        s.setString(++i, f.responseCode());
        s.setString(++i, f.issuerResponseCode());
        s.setString(++i, f.authCode());
        Jdbc.setBoolean(s, ++i, f.stoodIn());
        s.setString(++i, f.advice() == null ? null : f.advice().stan());
        Jdbc.setInstant(s, ++i, f.advice() == null ? null : f.advice().sentAt());
        s.setObject(++i, w.transactionId());
        s.setString(++i, w.from().name());
    }

    /**
     * The guarded update matched nothing. If the history already holds this very edge, the
     * write is a replay of a committed one: nothing to do. This relies on the state graph
     * being acyclic (DESIGN.md), so that a transaction crosses each edge at most once; a
     * competing edge (SENT to TIMED_OUT after SENT to APPROVED) is still a conflict.
     */
    void requireReplay(StoreWrite.Transition w) throws SQLException, WriteConflict {
        PreparedStatement current = statements.get(CURRENT);
        current.setString(1, w.from().name());
        current.setString(2, w.to().name());
        current.setObject(3, w.transactionId());
        try (ResultSet r = current.executeQuery()) {
            if (!r.next()) {
                throw new WriteConflict("no transaction " + w.transactionId());
            }
            String state = r.getString(1);
            if (r.getLong(2) == 0) {
                throw new WriteConflict("transaction " + w.transactionId() + " is in " + state
                        + ", not " + w.from() + "; refused " + w.from() + " -> " + w.to());
            }
        }
    }
}
