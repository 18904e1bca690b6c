package io.caspian.store;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The PostgreSQL on this machine, reached through the proxy, in a schema of its own. */
class PostgresDatabaseFaultTest extends DatabaseFaultContract {
    private static final URI BASE = URI.create(TestDatabase.Postgres.BASE_URL.substring(5));

    private TestDatabase.Postgres database;

    @BeforeEach
    void createSchema() {
        database = new TestDatabase.Postgres();
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Override
    StoreConfig configThrough(int proxyPort) {
        String url = "jdbc:postgresql://127.0.0.1:" + proxyPort + BASE.getPath();
        return StoreConfig.defaults(database.url(url), TestDatabase.Postgres.USER,
                TestDatabase.Postgres.PASSWORD);
    }

    @Override
    String databaseHost() {
        return BASE.getHost();
    }

    @Override
    int databasePort() {
        return BASE.getPort() < 0 ? 5432 : BASE.getPort();
    }
}
