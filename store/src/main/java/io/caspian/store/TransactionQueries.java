package io.caspian.store;

import io.caspian.store.pan.PanHash;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Queries over {@code card_transaction}. */
final class TransactionQueries {
    private static final String SELECT = TransactionRows.SELECT;

    private final Queries queries;

    TransactionQueries(Queries queries) {
        this.queries = queries;
    }

    Optional<TransactionRecord> byId(UUID id) {
        return queries.one(SELECT + " WHERE id = ?", s -> s.setObject(1, id),
                TransactionRows::map);
    }

    List<TransactionRecord> byPanHash(PanHash hash, Instant from, Instant to) {
        return queries.list(SELECT + " WHERE pan_hash = ? AND created_at >= ?"
                + " AND created_at < ? ORDER BY created_at, id", s -> {
                    s.setBytes(1, hash.bytes());
                    Jdbc.setInstant(s, 2, from);
                    Jdbc.setInstant(s, 3, to);
                }, TransactionRows::map);
    }

    List<TransactionRecord> byAcquirerRrn(String scheme, String rrn) {
        return queries.list(SELECT + " WHERE acquirer_scheme = ? AND acquirer_rrn = ?"
                + " ORDER BY created_at, id", s -> {
                    s.setString(1, scheme);
                    s.setString(2, rrn);
                }, TransactionRows::map);
    }

    List<TransactionRecord> byAcquirerTrace(String scheme, String stan, String time) {
        return queries.list(SELECT + " WHERE acquirer_scheme = ? AND acquirer_stan = ?"
                + " AND acquirer_transmission_time = ? ORDER BY created_at, id", s -> {
                    s.setString(1, scheme);
                    s.setString(2, stan);
                    s.setString(3, time);
                }, TransactionRows::map);
    }

    List<TransactionRecord> byIssuerStan(String scheme, String stan, Instant since) {
        return queries.list(SELECT + " WHERE issuer_scheme = ? AND issuer_stan = ?"
                + " AND created_at >= ? ORDER BY created_at, id", s -> {
                    s.setString(1, scheme);
                    s.setString(2, stan);
                    Jdbc.setInstant(s, 3, since);
                }, TransactionRows::map);
    }

    List<TransactionRecord> createdSince(Instant since) {
        return queries.list(SELECT + " WHERE created_at >= ? ORDER BY created_at, id",
                s -> Jdbc.setInstant(s, 1, since), TransactionRows::map);
    }

    List<TransactionRecord> unresolved() {
        List<String> states = Arrays.stream(TransactionState.values())
                .filter(state -> !state.isResolved()).map(Enum::name).toList();
        return queries.list(SELECT + " WHERE state IN (" + Queries.placeholders(states.size())
                + ") ORDER BY created_at, id", s -> bindAll(s, 1, states),
                TransactionRows::map);
    }

    /**
     * Counts original transactions only ({@code original_id IS NULL}): a reversal row
     * does not add to a card's spending; its original leaves the counted states instead.
     */
    List<CardDailyCounter> dailyCounters(PanHash hash, LocalDate date,
            Set<TransactionState> counted) {
        List<String> states = EnumSet.copyOf(counted).stream().map(Enum::name).toList();
        String card = hash == null ? "" : " AND pan_hash = ?";
        String sql = "SELECT pan_hash, business_date, acquirer_currency,"
                + " COUNT(*) AS txn_count, SUM(acquirer_amount_minor) AS amount_minor"
                + " FROM card_transaction WHERE business_date = ? AND original_id IS NULL"
                + card + " AND state IN (" + Queries.placeholders(states.size()) + ")"
                + " GROUP BY pan_hash, business_date, acquirer_currency"
                + " ORDER BY pan_hash, acquirer_currency";
        return queries.list(sql, s -> {
            int i = 0;
            s.setObject(++i, date);
            if (hash != null) {
                s.setBytes(++i, hash.bytes());
            }
            bindAll(s, i + 1, states);
        }, OtherRows::counter);
    }

    private static void bindAll(PreparedStatement s, int first, List<String> values)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(first + i, values.get(i));
        }
    }
}
