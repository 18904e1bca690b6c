package io.caspian.store;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binding and reading the types both H2 and the PostgreSQL driver agree on. */
final class Jdbc {
    private Jdbc() {
    }

    /** Instants travel as UTC {@code TIMESTAMP WITH TIME ZONE}, which both map exactly. */
    static void setInstant(PreparedStatement s, int index, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet r, String column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    static void setShort(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.SMALLINT);
        } else {
            s.setShort(index, value.shortValue());
        }
    }

    static void setBoolean(PreparedStatement s, int index, Boolean value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BOOLEAN);
        } else {
            s.setBoolean(index, value);
        }
    }

    static Long getLong(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    static Integer getInt(ResultSet r, String column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    /**
     * SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): the
     * database refused this data, and the connection is fine.
     */
    static boolean isDataError(SQLException e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * SQLSTATE class 40 (transaction rollback), e.g. 40001 serialization failure: retrying
     * the whole transaction is the documented cure (PostgreSQL SERIALIZABLE, CockroachDB).
     */
    static boolean isRetryable(SQLException e) {
        String state = sqlState(e);
        return state != null && state.startsWith("40");
    }

    /**
     * The SQLSTATE, or for a failed JDBC batch that carries none itself, that of the first
     * statement that failed in it.
     */
    private static String sqlState(SQLException e) {
        String state = e.getSQLState();
        if (state == null && e instanceof BatchUpdateException && e.getNextException() != null) {
            return e.getNextException().getSQLState();
        }
        return state;
    }

    /** One line for logs and health: SQLSTATE and message, no bound values. */
    static String describe(Throwable e) {
        String state = e instanceof SQLException sql ? " [" + sql.getSQLState() + "]" : "";
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + state + ": " + message;
    }
}
