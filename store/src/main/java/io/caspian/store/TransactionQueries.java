package io.caspian.store;

import io.caspian.store.pan.PanHash;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** States in which an approval's debit of the cardholder stands. */
    private static final List<String> STANDING = List.of(TransactionState.APPROVED.name(),
            TransactionState.ADVICE_PENDING.name(), TransactionState.ADVISED.name());

    /**
     * Net standing debits per issuing scheme, summed by the database over every row (none is
     * read into memory): an original request (no {@code original_id}) of a debiting type
     * that stands counts its issuer amount; a reversal (MTI class 4) owed or acknowledged of
     * such an original gives its own amount back; a completion advice (class 2, owed or
     * acknowledged) of such an authorization (class 1) counts the difference between its
     * amount and the authorization's. Rows without an issuer amount count nothing.
     *
     * @param debitingTypes the first two digits of the processing codes that debit the
     *     cardholder
     */
    Map<String, Long> standingDebits(Set<String> debitingTypes) {
        List<String> types = List.copyOf(debitingTypes);
        String standing = Queries.placeholders(STANDING.size());
        String debiting = Queries.placeholders(types.size());
        String sql = "SELECT scheme, SUM(amount) AS net FROM ("
                + " SELECT issuer_scheme AS scheme, issuer_amount_minor AS amount"
                + " FROM card_transaction WHERE original_id IS NULL"
                + " AND issuer_amount_minor IS NOT NULL AND state IN (" + standing + ")"
                + " AND SUBSTRING(processing_code, 1, 2) IN (" + debiting + ")"
                + " UNION ALL"
                + " SELECT r.issuer_scheme, -r.issuer_amount_minor FROM card_transaction r"
                + " JOIN card_transaction o ON o.id = r.original_id"
                + " WHERE r.issuer_amount_minor IS NOT NULL AND SUBSTRING(r.mti, 2, 1) = '4'"
                + " AND r.state IN (?, ?) AND o.state IN (" + standing + ")"
                + " AND SUBSTRING(o.processing_code, 1, 2) IN (" + debiting + ")"
                + " UNION ALL"
                + " SELECT c.issuer_scheme, c.issuer_amount_minor - o.issuer_amount_minor"
                + " FROM card_transaction c JOIN card_transaction o ON o.id = c.original_id"
                + " WHERE c.issuer_amount_minor IS NOT NULL"
                + " AND o.issuer_amount_minor IS NOT NULL AND SUBSTRING(c.mti, 2, 1) = '2'"
                + " AND SUBSTRING(o.mti, 2, 1) = '1' AND c.state IN (?, ?)"
                + " AND o.state IN (" + standing + ")"
                + " AND SUBSTRING(o.processing_code, 1, 2) IN (" + debiting + ")"
                + ") standing GROUP BY scheme ORDER BY scheme";
        List<Map.Entry<String, Long>> rows = queries.list(sql, s -> {
            int i = 1;
            i = bind(s, i, STANDING);
            i = bind(s, i, types);
            i = bind(s, i, List.of(TransactionState.REVERSAL_PENDING.name(),
                    TransactionState.REVERSED.name()));
            i = bind(s, i, STANDING);
            i = bind(s, i, types);
            i = bind(s, i, List.of(TransactionState.ADVICE_PENDING.name(),
                    TransactionState.ADVISED.name()));
            i = bind(s, i, STANDING);
            bind(s, i, types);
        }, r -> Map.entry(r.getString("scheme"), r.getBigDecimal("net").longValueExact()));
        Map<String, Long> net = new LinkedHashMap<>();
        rows.forEach(e -> net.put(e.getKey(), e.getValue()));
        return net;
    }

    /**
     * Each card's standing original requests towards {@code issuerScheme} created in
     * [{@code from}, {@code to}), of a debiting type, summed by the database.
     */
    List<CardUsage> cardUsage(String issuerScheme, Instant from, Instant to,
            Set<String> debitingTypes) {
        List<String> types = List.copyOf(debitingTypes);
        String sql = "SELECT pan_hash, stood_in, COUNT(*) AS txn_count,"
                + " SUM(issuer_amount_minor) AS amount_minor FROM card_transaction"
                + " WHERE issuer_scheme = ? AND created_at >= ? AND created_at < ?"
                + " AND original_id IS NULL AND issuer_amount_minor IS NOT NULL"
                + " AND SUBSTRING(mti, 2, 1) IN ('1', '2')"
                + " AND state IN (" + Queries.placeholders(STANDING.size()) + ")"
                + " AND SUBSTRING(processing_code, 1, 2) IN ("
                + Queries.placeholders(types.size()) + ")"
                + " GROUP BY pan_hash, stood_in ORDER BY pan_hash, stood_in";
        return queries.list(sql, s -> {
            s.setString(1, issuerScheme);
            Jdbc.setInstant(s, 2, from);
            Jdbc.setInstant(s, 3, to);
            bind(s, bind(s, 4, STANDING), types);
        }, r -> new CardUsage(PanHash.of(r.getBytes("pan_hash")), r.getBoolean("stood_in"),
                r.getLong("txn_count"), r.getBigDecimal("amount_minor").longValueExact()));
    }

    /** Binds {@code values} from parameter {@code first}; returns the next parameter. */
    private static int bind(PreparedStatement s, int first, List<String> values)
            throws SQLException {
        bindAll(s, first, values);
        return first + values.size();
    }

    private static void bindAll(PreparedStatement s, int first, List<String> values)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(first + i, values.get(i));
        }
    }
}
