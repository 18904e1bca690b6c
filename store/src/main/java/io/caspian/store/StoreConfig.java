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
 * @param journalDir null: every commit goes to the database before its future completes
 *     (PostgreSQL, whose own write-ahead log makes a commit durable). Else the directory of
 *     a write-ahead journal: a submission is durable once appended there, and a loader
 *     thread brings the tables up to date behind it (the embedded H2 store; see
 *     {@code docs/store.md}, "Write-ahead journal")
 * @param journalFsync with a journal: force each append to the device (survives power
 *     loss, costs a device flush per group) rather than hand it to the operating system
 *     (survives a crash of the process)
 */
public record StoreConfig(String jdbcUrl, String username, String password, int poolSizeMax,
        long connectionTimeoutMs, int queryTimeoutSeconds, long groupCommitWindowMicros,
        int groupCommitBatchMax, int submitQueueMax, long reconnectProbeIntervalMs,
        Path journalDir, boolean journalFsync) {

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
        // process crash in between would lose what the clearing, the console and the
        // journal's loader committed. Transactions are durable through the journal first.
        Path dir = dataDir.toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dir.resolve("caspian") + ";" + H2_POSTGRESQL_MODE
                + ";WRITE_DELAY=0";
        return defaults(url, "caspian", "").withJournal(dir.resolve("journal"), false);
    }

    /** The same database, made durable through a write-ahead journal in {@code dir}. */
    public StoreConfig withJournal(Path dir, boolean fsync) {
        Invariants.check(dir == null || jdbcUrl.startsWith("jdbc:h2:"),
                "store.journal is for the embedded H2 store; PostgreSQL has its own log");
        return new StoreConfig(jdbcUrl, username, password, poolSizeMax, connectionTimeoutMs,
                queryTimeoutSeconds, groupCommitWindowMicros, groupCommitBatchMax,
                submitQueueMax, reconnectProbeIntervalMs, dir, fsync);
    }

    /** Defaults for a database at {@code jdbcUrl}. */
    public static StoreConfig defaults(String jdbcUrl, String username, String password) {
        return new StoreConfig(jdbcUrl, username, password, 4, 1_000, 5, 200, 256, 16_384,
                1_000, null, false);
    }

    public StoreConfig withGroupCommit(long windowMicros, int batchMax) {
        return new StoreConfig(jdbcUrl, username, password, poolSizeMax, connectionTimeoutMs,
                queryTimeoutSeconds, windowMicros, batchMax, submitQueueMax,
                reconnectProbeIntervalMs, journalDir, journalFsync);
    }

    public StoreConfig withSubmitQueueMax(int queueMax) {
        return new StoreConfig(jdbcUrl, username, password, poolSizeMax, connectionTimeoutMs,
                queryTimeoutSeconds, groupCommitWindowMicros, groupCommitBatchMax, queueMax,
                reconnectProbeIntervalMs, journalDir, journalFsync);
    }

    public StoreConfig withTimeouts(long connectionTimeoutMs, int queryTimeoutSeconds,
            long reconnectProbeIntervalMs) {
        return new StoreConfig(jdbcUrl, username, password, poolSizeMax, connectionTimeoutMs,
                queryTimeoutSeconds, groupCommitWindowMicros, groupCommitBatchMax,
                submitQueueMax, reconnectProbeIntervalMs, journalDir, journalFsync);
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
                + ", reconnectProbeIntervalMs=" + reconnectProbeIntervalMs
                + ", journalDir=" + journalDir + ", journalFsync=" + journalFsync + "]";
    }
}
