package io.caspian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements of one connection for the length of one batch, each prepared once
 * and given the query timeout. Not thread-safe: owned by the committer thread.
 */
final class Statements implements AutoCloseable {
    private final Connection connection;
    private final int queryTimeoutSeconds;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private Boolean postgres;

    Statements(Connection connection, int queryTimeoutSeconds) {
        this.connection = connection;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statement.setQueryTimeout(queryTimeoutSeconds);
            prepared.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /**
     * Drops statements queued with {@code addBatch} but not executed, after a batch that
     * failed part way: the write-by-write retry reuses these statements.
     */
    void clearBatches() throws SQLException {
        for (PreparedStatement statement : prepared.values()) {
            statement.clearBatch();
        }
    }

    /** Whether the connection is to PostgreSQL (or a database speaking its dialect). */
    boolean isPostgres() throws SQLException {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        return postgres;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (first != null) {
            throw first;
        }
    }
}
