package io.caspian.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private final HikariDataSource dataSource;
    private final int queryTimeoutSeconds;
    private final Runnable beforeRead;

    /**
     * @param beforeRead runs before every query: waits until the tables hold every write
     *     already acknowledged (the journal's loader), so a query never misses one
     */
    Queries(HikariDataSource dataSource, int queryTimeoutSeconds, Runnable beforeRead) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.beforeRead = beforeRead;
    }

    /**
     * Runs a query; once more on a fresh connection if the first failed for a reason other
     * than the data, because a pooled connection may have died with a database restart.
     */
    <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        beforeRead.run();
        try {
            return listOnce(sql, binder, mapper);
        } catch (SQLException first) {
            if (Jdbc.isDataError(first)) {
                throw failed(first);
            }
            // Idle connections opened before a database restart are dead too; drop them so
            // the second try opens a fresh one.
            dataSource.getHikariPoolMXBean().softEvictConnections();
            try {
                return listOnce(sql, binder, mapper);
            } catch (SQLException second) {
                second.addSuppressed(first);
                throw failed(second);
            }
        }
    }

    private static StoreException failed(SQLException e) {
        return new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                "query failed: " + Jdbc.describe(e), e);
    }

    private <T> List<T> listOnce(String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, binder, mapper);
        }
    }

    private <T> List<T> query(Connection connection, String sql, Binder binder,
            RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
            if (!Jdbc.isDataError(e)) {
                dataSource.evictConnection(connection);
            }
            throw e;
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
