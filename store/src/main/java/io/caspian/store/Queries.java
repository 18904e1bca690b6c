package io.caspian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs read-only queries on the pool, outside the committer: reads see committed data only
 * and never wait behind a batch.
 */
final class Queries {
    /** Binds a statement's parameters. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row. */
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    Queries(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(mapper.map(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "query failed: " + Jdbc.describe(e), e);
        }
    }

    <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(sql, binder, mapper);
        Invariants.check(rows.size() <= 1, "expected at most one row, got " + rows.size());
        return rows.stream().findFirst();
    }

    /** {@code ?, ?, ?} for an IN list of {@code count} values. */
    static String placeholders(int count) {
        Invariants.check(count > 0, "an IN list needs at least one value");
        return "?" + ", ?".repeat(count - 1);
    }
}
