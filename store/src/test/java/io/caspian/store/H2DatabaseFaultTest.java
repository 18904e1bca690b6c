package io.caspian.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** H2 in server mode, so that the store reaches it over TCP through the proxy. */
class H2DatabaseFaultTest extends DatabaseFaultContract {
    private Server server;
    private Path directory;

    @BeforeEach
    void startServer() throws Exception {
        directory = Files.createTempDirectory("caspian-store-h2-server");
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.toString(),
                "-ifNotExists").start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    StoreConfig configThrough(int proxyPort) {
        return StoreConfig.defaults("jdbc:h2:tcp://127.0.0.1:" + proxyPort + "/caspian;"
                + StoreConfig.H2_POSTGRESQL_MODE, "caspian", "");
    }

    @Override
    String databaseHost() {
        return "127.0.0.1";
    }

    @Override
    int databasePort() {
        return server.getPort();
    }
}
