package io.caspian.store;

import java.nio.file.Path;

/**
 * How to reach the database and how to batch commits.
 *
 * @param jdbcUrl {@code jdbc:h2:file:…} (embedded) or {@code jdbc:postgresql://…}
 * @param username database user
 * @param password database password; never printed by {@link #toString()}
 * @param poolSizeMax connections in the pool: one for the committer, the rest for queries
 * @param connectionTimeoutMs longest wait for a connection before a write fails as
 *     unavailable (HikariCP's minimum is 250)
 * @param queryTimeoutSeconds longest a statement may run
 * @param groupCommitWindowMicros how long the committer waits for more submissions after
 *     the first of a batch; 0 commits whatever has queued up, without waiting
 * @param groupCommitBatchMax most submissions in one commit
 * @param submitQueueMax submissions waiting beyond which submit fails as overloaded
 * @param reconnectProbeIntervalMs while the database is down, how often the committer
 *     tries it again; writes in between fail at once instead of each waiting
 *     {@code connectionTimeoutMs}
 */
public record StoreConfig(String jdbcUrl, String username, String password, int poolSizeMax,
        long connectionTimeoutMs, int queryTimeoutSeconds, long groupCommitWindowMicros,
        int groupCommitBatchMax, int submitQueueMax, long reconnectProbeIntervalMs) {

    /** H2 options that make it accept the same SQL as PostgreSQL. */
    public static final String H2_POSTGRESQL_MODE =
            "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public StoreConfig {
        Invariants.present(jdbcUrl, "jdbcUrl");
        Invariants.check(jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:postgresql:"),
                "store.jdbcUrl must be an H2 or PostgreSQL JDBC URL");
        Invariants.check(poolSizeMax >= 2, "store.poolSizeMax must be at least 2 "
                + "(one connection for the committer, one for queries)");
        Invariants.check(connectionTimeoutMs >= 250, "store.connectionTimeoutMs must be >= 250");
        Invariants.check(queryTimeoutSeconds >= 1, "store.queryTimeoutSeconds must be >= 1");
        Invariants.check(groupCommitWindowMicros >= 0 && groupCommitWindowMicros <= 100_000,
                "store.groupCommitWindowMicros must be 0 to 100000");
        Invariants.check(groupCommitBatchMax >= 1, "store.groupCommitBatchMax must be >= 1");
        Invariants.check(submitQueueMax >= groupCommitBatchMax,
                "store.submitQueueMax must be >= store.groupCommitBatchMax");
        Invariants.check(reconnectProbeIntervalMs >= 10,
                "store.reconnectProbeIntervalMs must be >= 10");
    }

    /** The embedded default: an H2 file database {@code caspian} under {@code dataDir}. */
    public static StoreConfig embedded(Path dataDir) {
        // WRITE_DELAY=0: H2 otherwise flushes committed data up to 500 ms later, and a
        // process crash in between would lose an approval already given (I1).
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("caspian")
                + ";" + H2_POSTGRESQL_MODE + ";WRITE_DELAY=0";
        return defaults(url, "caspian", "");
    }

    /** Defaults for a database at {@code jdbcUrl}. */
    public static StoreConfig defaults(String jdbcUrl, String username, String password) {
        return new StoreConfig(jdbcUrl, username, password, 4, 1_000, 5, 200, 256, 16_384,
                1_000);
    }

    public StoreConfig withGroupCommit(long windowMicros, int batchMax) {
        return new StoreConfig(jdbcUrl, username, password, poolSizeMax, connectionTimeoutMs,
                queryTimeoutSeconds, windowMicros, batchMax, submitQueueMax,
                reconnectProbeIntervalMs);
    }

    public StoreConfig withSubmitQueueMax(int queueMax) {
        return new StoreConfig(jdbcUrl, username, password, poolSizeMax, connectionTimeoutMs,
                queryTimeoutSeconds, groupCommitWindowMicros, groupCommitBatchMax, queueMax,
                reconnectProbeIntervalMs);
    }

    public StoreConfig withTimeouts(long connectionTimeoutMs, int queryTimeoutSeconds,
            long reconnectProbeIntervalMs) {
        return new StoreConfig(jdbcUrl, username, password, poolSizeMax, connectionTimeoutMs,
                queryTimeoutSeconds, groupCommitWindowMicros, groupCommitBatchMax,
                submitQueueMax, reconnectProbeIntervalMs);
    }

    boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***"
                + ", poolSizeMax=" + poolSizeMax + ", connectionTimeoutMs=" + connectionTimeoutMs
                + ", queryTimeoutSeconds=" + queryTimeoutSeconds
                + ", groupCommitWindowMicros=" + groupCommitWindowMicros
                + ", groupCommitBatchMax=" + groupCommitBatchMax
                + ", submitQueueMax=" + submitQueueMax
                + ", reconnectProbeIntervalMs=" + reconnectProbeIntervalMs + "]";
    }
}
