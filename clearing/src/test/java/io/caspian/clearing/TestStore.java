package io.caspian.clearing;

import io.caspian.store.StoreConfig;
import io.caspian.store.TransactionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh store for one test: H2 in a temporary directory, or a new schema in the
 * PostgreSQL on this machine ({@code CASPIAN_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), dropped on close.
 */
final class TestStore implements AutoCloseable {
    private static final String PG_URL = env("CASPIAN_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("CASPIAN_TEST_PG_USER", "postgres");

    final TransactionStore store;
    final Path directory;
    private final String schema;

    private TestStore(StoreConfig config, Path directory, String schema, Clock clock) {
        this.store = TransactionStore.open(config, clock);
        this.directory = directory;
        this.schema = schema;
    }

    static TestStore h2(Clock clock) {
        Path dir = tempDir();
        return new TestStore(StoreConfig.embedded(dir.resolve("db")), dir, null, clock);
    }

    static TestStore postgres(Clock clock) {
        String schema = "caspian_clr_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestStore(StoreConfig.defaults(url, PG_USER, ""), tempDir(), schema, clock);
    }

    static TestStore of(String database, Clock clock) {
        return "postgres".equals(database) ? postgres(clock) : h2(clock);
    }

    @Override
    public void close() throws IOException {
        store.close();
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("caspian-clearing");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for clearing tests at " + PG_URL + ": "
                    + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
