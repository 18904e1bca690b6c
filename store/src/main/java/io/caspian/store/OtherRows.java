package io.caspian.store;

import io.caspian.store.pan.PanHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/** Rows of the tables other than {@code card_transaction}. */
final class OtherRows {
    static final String SAF_COLUMNS = "transaction_id, kind, target_scheme, status,"
            + " message_mti, reason_code, amount_minor, currency, attempts, created_at,"
            + " next_attempt_at, last_attempt_at, last_error, acked_at";

    private OtherRows() {
    }

    static SafItem safItem(ResultSet r) throws SQLException {
        return new SafItem(r.getObject("transaction_id", UUID.class),
                SafKind.valueOf(r.getString("kind")), r.getString("target_scheme"),
                SafStatus.valueOf(r.getString("status")), r.getString("message_mti"),
                r.getString("reason_code"), r.getLong("amount_minor"), r.getInt("currency"),
                r.getInt("attempts"), Jdbc.getInstant(r, "created_at"),
                Jdbc.getInstant(r, "next_attempt_at"), Jdbc.getInstant(r, "last_attempt_at"),
                r.getString("last_error"), Jdbc.getInstant(r, "acked_at"));
    }

    static StateChange stateChange(ResultSet r) throws SQLException {
        String from = r.getString("from_state");
        return new StateChange(r.getObject("transaction_id", UUID.class), r.getInt("seq"),
                from == null ? null : TransactionState.valueOf(from),
                TransactionState.valueOf(r.getString("to_state")), r.getString("cause"),
                Jdbc.getInstant(r, "changed_at"));
    }

    static AuditEntry auditEntry(ResultSet r) throws SQLException {
        return new AuditEntry(r.getObject("id", UUID.class), Jdbc.getInstant(r, "recorded_at"),
                r.getString("operator"), r.getString("action"), r.getString("subject"),
                r.getString("detail"));
    }

    static CardDailyCounter counter(ResultSet r) throws SQLException {
        return new CardDailyCounter(PanHash.of(r.getBytes("pan_hash")),
                r.getObject("business_date", LocalDate.class), r.getInt("acquirer_currency"),
                r.getLong("txn_count"), r.getLong("amount_minor"));
    }
}
