package io.caspian.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The console's queries: transactions by criteria, and the messages of one of them. */
final class SearchQueries {
    /** A binder step: sets one parameter. */
    private interface Parameter {
        void set(PreparedStatement s, int index) throws SQLException;
    }

    private static final String MESSAGE_COLUMNS = "id, recorded_at, link, direction, mti,"
            + " stan, rrn, response_code, masked_dump";

    private final Queries queries;

    SearchQueries(Queries queries) {
        this.queries = queries;
    }

    List<TransactionRecord> search(TransactionSearch q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Parameter> params = new ArrayList<>();
        if (q.from() != null) {
            where.append(" AND created_at >= ?");
            params.add((s, i) -> Jdbc.setInstant(s, i, q.from()));
        }
        if (q.to() != null) {
            where.append(" AND created_at < ?");
            params.add((s, i) -> Jdbc.setInstant(s, i, q.to()));
        }
        either(where, params, "acquirer_scheme", "issuer_scheme", q.scheme());
        equal(where, params, "acquirer_scheme", q.acquirerScheme());
        equal(where, params, "issuer_scheme", q.issuerScheme());
        if (q.panHash() != null) {
            where.append(" AND pan_hash = ?");
            params.add((s, i) -> s.setBytes(i, q.panHash().bytes()));
        }
        equal(where, params, "pan_last4", q.panLast4());
        either(where, params, "acquirer_rrn", "issuer_rrn", q.rrn());
        either(where, params, "acquirer_stan", "issuer_stan", q.stan());
        equal(where, params, "response_code", q.responseCode());
        equal(where, params, "state", q.state() == null ? null : q.state().name());
        if (q.amountMinMinor() != null) {
            where.append(" AND acquirer_amount_minor >= ?");
            params.add((s, i) -> s.setLong(i, q.amountMinMinor()));
        }
        if (q.amountMaxMinor() != null) {
            where.append(" AND acquirer_amount_minor <= ?");
            params.add((s, i) -> s.setLong(i, q.amountMaxMinor()));
        }
        String sql = TransactionRows.SELECT + where + " ORDER BY created_at DESC, id"
                + " FETCH FIRST " + q.limit() + " ROWS ONLY";
        return queries.list(sql, s -> {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).set(s, i + 1);
            }
        }, TransactionRows::map);
    }

    private static void equal(StringBuilder where, List<Parameter> params, String column,
            String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add((s, i) -> s.setString(i, value));
        }
    }

    private static void either(StringBuilder where, List<Parameter> params, String a, String b,
            String value) {
        if (value != null) {
            where.append(" AND (").append(a).append(" = ? OR ").append(b).append(" = ?)");
            params.add((s, i) -> s.setString(i, value));
            params.add((s, i) -> s.setString(i, value));
        }
    }

    /**
     * Messages on one link carrying the given STAN or RRN, recorded in {@code [from, to)},
     * in the order they crossed the link.
     */
    List<MessageRecord> messages(String link, String stan, String rrn, Instant from,
            Instant to) {
        return queries.list("SELECT " + MESSAGE_COLUMNS + " FROM message_record"
                + " WHERE link = ? AND (stan = ? OR rrn = ?) AND recorded_at >= ?"
                + " AND recorded_at < ? ORDER BY recorded_at, id", s -> {
                    s.setString(1, link);
                    s.setString(2, stan);
                    s.setString(3, rrn);
                    Jdbc.setInstant(s, 4, from);
                    Jdbc.setInstant(s, 5, to);
                }, r -> new MessageRecord(r.getObject("id", java.util.UUID.class),
                        Jdbc.getInstant(r, "recorded_at"), r.getString("link"),
                        MessageRecord.Direction.valueOf(r.getString("direction")),
                        r.getString("mti"), r.getString("stan"), r.getString("rrn"),
                        r.getString("response_code"), r.getString("masked_dump")));
    }
}
