package io.caspian.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Opens the connection pool and brings the schema up to date. */
final class Database {
    static final String MIGRATIONS = "classpath:io/caspian/store/migration";

    private Database() {
    }

    static HikariDataSource pool(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("caspian-store");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSizeMax());
        hikari.setMinimumIdle(Math.min(2, config.poolSizeMax()));
        hikari.setConnectionTimeout(config.connectionTimeoutMs());
        hikari.setValidationTimeout(Math.min(config.connectionTimeoutMs(), 1_000));
        // Starting needs the database (migrations run first); fail the start, don't hang.
        hikari.setInitializationFailTimeout(config.connectionTimeoutMs());
        if (config.isPostgres()) {
            int connectSeconds = (int) Math.max(1, (config.connectionTimeoutMs() + 999) / 1000);
            hikari.addDataSourceProperty("connectTimeout", connectSeconds);
            // A peer that vanishes without a reset would otherwise block a read forever;
            // the socket timeout bounds it beyond the statement timeout.
            hikari.addDataSourceProperty("socketTimeout", config.queryTimeoutSeconds() * 2);
            hikari.addDataSourceProperty("tcpKeepAlive", true);
            // The committer's batched inserts go as multi-row INSERTs, one statement per
            // chunk instead of one per row. A URL parameter of the same name overrides it.
            hikari.addDataSourceProperty("reWriteBatchedInserts", true);
        }
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "cannot connect to " + config.jdbcUrl() + ": " + Jdbc.describe(e), e);
        }
    }

    /**
     * Applies pending migrations. Flyway serializes concurrent starts of several nodes
     * with its own lock (a PostgreSQL advisory lock), so nodes may start together.
     */
    static void migrate(HikariDataSource dataSource) {
        try {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS)
                    .failOnMissingLocations(true).load().migrate();
        } catch (FlywayException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "schema migration failed: " + Jdbc.describe(e), e);
        }
    }
}
