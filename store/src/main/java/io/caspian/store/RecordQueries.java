package io.caspian.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over state history, store-and-forward, business dates and the audit trail. */
final class RecordQueries {
    private final Queries queries;

    RecordQueries(Queries queries) {
        this.queries = queries;
    }

    List<StateChange> history(UUID id) {
        return queries.list("SELECT transaction_id, seq, from_state, to_state, cause,"
                + " changed_at FROM transaction_state_change WHERE transaction_id = ?"
                + " ORDER BY seq", s -> s.setObject(1, id), OtherRows::stateChange);
    }

    List<SafItem> pendingSaf(int limit) {
        return queries.list("SELECT " + OtherRows.SAF_COLUMNS + " FROM saf_item"
                + " WHERE status = 'PENDING' ORDER BY next_attempt_at, transaction_id"
                + " LIMIT ?", s -> s.setInt(1, limit), OtherRows::safItem);
    }

    List<SafItem> dueSaf(Instant at, int limit) {
        return queries.list("SELECT " + OtherRows.SAF_COLUMNS + " FROM saf_item"
                + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, transaction_id LIMIT ?", s -> {
                    Jdbc.setInstant(s, 1, at);
                    s.setInt(2, limit);
                }, OtherRows::safItem);
    }

    Optional<SafItem> safItem(UUID id, SafKind kind) {
        return queries.one("SELECT " + OtherRows.SAF_COLUMNS + " FROM saf_item"
                + " WHERE transaction_id = ? AND kind = ?", s -> {
                    s.setObject(1, id);
                    s.setString(2, kind.name());
                }, OtherRows::safItem);
    }

    Optional<LocalDate> currentBusinessDate(String scheme) {
        return queries.list("SELECT business_date FROM business_date"
                + " WHERE scheme = ? AND closed_at IS NULL ORDER BY business_date DESC LIMIT 1",
                s -> s.setString(1, scheme), r -> r.getObject(1, LocalDate.class))
                .stream().findFirst();
    }

    List<AuditEntry> auditTrail(Instant from, Instant to) {
        return queries.list("SELECT id, recorded_at, operator, action, subject, detail"
                + " FROM audit_entry WHERE recorded_at >= ? AND recorded_at < ?"
                + " ORDER BY recorded_at, id", s -> {
                    Jdbc.setInstant(s, 1, from);
                    Jdbc.setInstant(s, 2, to);
                }, OtherRows::auditEntry);
    }
}
