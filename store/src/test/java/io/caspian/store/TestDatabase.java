package io.caspian.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one test: an H2 file database in a temporary directory, or
 * a new schema in the PostgreSQL on this machine, dropped afterwards.
 *
 * <p>PostgreSQL is found at {@code CASPIAN_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code CASPIAN_TEST_PG_USER} (default
 * {@code postgres}). Its tests fail, rather than skip, when it is missing: a store tested
 * on one database only would pass here and break in production.
 */
abstract class TestDatabase implements AutoCloseable {

    /** The store configuration for this database, with the store's defaults. */
    abstract StoreConfig config();

    abstract String name();

    /** Deletes the database. */
    @Override
    public abstract void close() throws IOException;

    /** Opens a plain connection outside the store, as an operator's SQL session would. */
    abstract Connection connect() throws SQLException;

    static TestDatabase h2() {
        return new H2(false);
    }

    /** H2 made durable through the write-ahead journal, as the embedded default is. */
    static TestDatabase h2WithJournal() {
        return new H2(true);
    }

    static TestDatabase postgres() {
        return new Postgres();
    }

    static final class H2 extends TestDatabase {
        private final Path directory;
        private final String url;
        private final boolean journal;

        H2(boolean journal) {
            this.journal = journal;
            try {
                directory = Files.createTempDirectory("caspian-store-h2");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // LOCK_TIMEOUT: H2 gives up on a row lock after 1 s by default; tests hold locks
            // longer on purpose.
            url = StoreConfig.embedded(directory).jdbcUrl() + ";LOCK_TIMEOUT=10000";
        }

        @Override
        StoreConfig config() {
            StoreConfig plain = StoreConfig.defaults(url, "caspian", "");
            return journal ? plain.withJournal(directory.resolve("journal"), false) : plain;
        }

        @Override
        String name() {
            return journal ? "H2 with journal" : "H2";
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, "caspian", "");
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    static final class Postgres extends TestDatabase {
        static final String BASE_URL = env("CASPIAN_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/test");
        static final String USER = env("CASPIAN_TEST_PG_USER", "postgres");
        static final String PASSWORD = env("CASPIAN_TEST_PG_PASSWORD", "");

        private final String schema;

        Postgres() {
            schema = "caspian_test_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                            .toLowerCase(Locale.ROOT);
            execute("CREATE SCHEMA " + schema);
        }

        @Override
        StoreConfig config() {
            return StoreConfig.defaults(url(BASE_URL), USER, PASSWORD);
        }

        /** {@code baseUrl} with this test's schema as the current one. */
        String url(String baseUrl) {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(BASE_URL), USER, PASSWORD);
        }

        @Override
        public void close() {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }

        private static void execute(String sql) {
            try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL for store tests at " + BASE_URL
                        + " as " + USER + ": " + e.getMessage(), e);
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
