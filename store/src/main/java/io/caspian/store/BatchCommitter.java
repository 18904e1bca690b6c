package io.caspian.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Savepoint;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one batch of submissions in one database transaction.
 *
 * <p>Fast path: the batch's writes as a {@link WritePlan}, one JDBC batch per statement kind
 * and level, one commit: a few round trips for the whole batch. A batch the plan does not
 * cover (cut-over, audit) runs write by write instead, still in one commit.
 *
 * <p>A conflict or refused data anywhere in the fast path sends the batch, rolled back,
 * down the slow path: each submission write by write inside its own savepoint, so only the
 * offending submission fails and the rest still commit. The slow path is rare (a flow bug,
 * a lost update, or a replay after a crash), so the common batch pays no savepoint round
 * trips.
 */
final class BatchCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommitter.class);

    /** Serialization failures (SQLSTATE 40001) are retried this many times in all. */
    static final int SERIALIZATION_ATTEMPTS_MAX = 3;

    private final HikariDataSource dataSource;
    private final int queryTimeoutSeconds;
    private final AtomicLong slowPathBatches = new AtomicLong();

    BatchCommitter(HikariDataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /**
     * @return per submission, null if committed, else why it alone failed
     * @throws BatchFailure when nothing in the batch can be known committed
     */
    StoreException[] commit(List<Submission> batch) throws BatchFailure {
        boolean freshConnectionTried = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return commitOnce(batch);
            } catch (SQLTransientConnectionException e) {
                // The pool could not connect within connectionTimeoutMs: the database is away.
                throw unavailable(e);
            } catch (SQLException e) {
                if (Jdbc.isRetryable(e) && attempt < SERIALIZATION_ATTEMPTS_MAX) {
                    continue;
                }
                if (!freshConnectionTried && !Jdbc.isRetryable(e)) {
                    // A pooled connection may have died with a database restart that no
                    // batch saw. Nothing was committed and writes are idempotent, so one
                    // more try on a fresh connection tells a dead connection from a dead
                    // database.
                    freshConnectionTried = true;
                    dataSource.getHikariPoolMXBean().softEvictConnections();
                    continue;
                }
                throw unavailable(e);
            } catch (BatchFailure f) {
                dataSource.getHikariPoolMXBean().softEvictConnections();
                throw f;
            }
        }
    }

    /** Batches that went write by write after the fast path met a conflict or bad data. */
    long slowPathBatches() {
        return slowPathBatches.get();
    }

    private BatchFailure unavailable(SQLException e) {
        // Pooled connections opened before the failure are suspect: drop the idle ones so
        // the first batch after the database returns gets fresh ones.
        dataSource.getHikariPoolMXBean().softEvictConnections();
        return new BatchFailure(StoreFailure.DATABASE_UNAVAILABLE, Jdbc.describe(e), e);
    }

    private StoreException[] commitOnce(List<Submission> batch)
            throws SQLException, BatchFailure {
        Connection connection = dataSource.getConnection();
        boolean healthy = false;
        try {
            connection.setAutoCommit(false);
            StoreException[] outcomes = applyAll(connection, batch);
            commitOrUnknown(connection);
            healthy = true;
            return outcomes;
        } finally {
            if (!healthy) {
                // A connection that failed mid-batch may be broken; don't hand it out again.
                dataSource.evictConnection(connection);
            }
            closeQuietly(connection);
        }
    }

    /** Applies the batch; statements are closed before the commit, never after it. */
    private StoreException[] applyAll(Connection connection, List<Submission> batch)
            throws SQLException {
        try (Statements statements = new Statements(connection, queryTimeoutSeconds)) {
            WriteApplier applier = new WriteApplier(statements);
            StoreException[] outcomes = fastPath(connection, statements, applier, batch);
            if (outcomes != null) {
                return outcomes;
            }
            slowPathBatches.incrementAndGet();
            return slowPath(connection, applier, batch);
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    /**
     * After a commit the outcome is decided; a failure to return the connection to the pool
     * must not turn committed writes into failed ones.
     */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a store connection failed: {}", Jdbc.describe(e));
        }
    }

    private static void commitOrUnknown(Connection connection) throws SQLException, BatchFailure {
        try {
            connection.commit();
        } catch (SQLException e) {
            if (Jdbc.isRetryable(e)) {
                // The database rolled back; the batch is known not durable and can be retried.
                throw e;
            }
            throw new BatchFailure(StoreFailure.COMMIT_OUTCOME_UNKNOWN, Jdbc.describe(e), e);
        }
    }

    /** The whole batch at once; null when some submission needs the slow path. */
    private static StoreException[] fastPath(Connection connection, Statements statements,
            WriteApplier applier, List<Submission> batch) throws SQLException {
        try {
            WritePlan plan = WritePlan.of(batch);
            if (plan != null) {
                new PlanApplier(statements).apply(plan);
            } else {
                for (Submission submission : batch) {
                    for (StoreWrite write : submission.writes()) {
                        applier.apply(write);
                    }
                }
            }
            return new StoreException[batch.size()];
        } catch (WriteConflict e) {
            toSlowPath(connection, statements, batch, e.getMessage());
            return null;
        } catch (SQLException e) {
            if (!Jdbc.isDataError(e)) {
                throw e;
            }
            toSlowPath(connection, statements, batch, Jdbc.describe(e));
            return null;
        }
    }

    private static void toSlowPath(Connection connection, Statements statements,
            List<Submission> batch, String why) throws SQLException {
        statements.clearBatches();
        connection.rollback();
        LOG.debug("batch of {} goes write by write: {}", batch.size(), why);
    }

    private static StoreException[] slowPath(Connection connection, WriteApplier applier,
            List<Submission> batch) throws SQLException {
        StoreException[] outcomes = new StoreException[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                for (StoreWrite write : batch.get(i).writes()) {
                    applier.apply(write);
                }
                connection.releaseSavepoint(savepoint);
            } catch (WriteConflict e) {
                connection.rollback(savepoint);
                outcomes[i] = new StoreException(StoreFailure.CONFLICT, e.getMessage());
            } catch (SQLException e) {
                if (!Jdbc.isDataError(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                outcomes[i] = new StoreException(StoreFailure.WRITE_REJECTED,
                        Jdbc.describe(e), e);
            }
        }
        return outcomes;
    }

    private static void rollbackQuietly(Connection connection, SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
