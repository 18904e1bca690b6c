package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static io.caspian.core.flow.InterlinkScenarioTest.shetabAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.StoreConfig;
import io.caspian.store.TcpProxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under the switch (PostgreSQL on this machine, behind a proxy the
 * test cuts):
 *
 * <pre>
 * mir -> 0200 -> shetab 2200 -> 2210 approved -> mir 0210 rc=00
 * database cut
 * mir -> 0200 -> mir 0210 rc=96 at once; nothing reaches shetab (no approval without
 *                durability, no debit the switch could not reverse)
 * database back
 * mir -> 0200 -> shetab 2200 -> approved -> mir 0210 rc=00   (recovered by itself)
 * </pre>
 */
class DatabaseFaultScenarioTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @TempDir
    Path dir;
    Harness h;
    TcpProxy proxy;
    String schema;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(POSTGRES);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void withoutTheDatabaseNewRequestsAreDeclinedAndTheSwitchRecoversByItself()
            throws Exception {
        schema = "caspian_core_fault_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(POSTGRES);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        proxy = new TcpProxy("127.0.0.1", 5432);
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=postgres"
                + "&currentSchema=" + schema + "&connectTimeout=1&socketTimeout=3";
        StoreConfig base = StoreConfig.defaults(url, "postgres", "");
        StoreConfig config = new StoreConfig(base.jdbcUrl(), base.username(), base.password(),
                base.poolSizeMax(), 500, 2, base.groupCommitWindowMicros(),
                base.groupCommitBatchMax(), base.submitQueueMax(), 50, null, false);
        h = new Harness(dir, 2_000, StandInRules.disabled(), m -> m, s -> s, config);

        h.from("mir", mirPurchase("000401", 10_000));
        h.from("shetab", shetabAnswer(h.shetab.next(), "0000", "DB0001"));
        assertThat(h.mir.next().getString(39)).isEqualTo("00");

        proxy.cut();
        h.from("mir", mirPurchase("000402", 10_000));
        assertThat(h.mir.next().getString(39)).isEqualTo("96");
        assertThat(h.shetab.none(300)).as("nothing forwarded without a durable record")
                .isNull();
        assertThat(h.stats.get("store_failures")).isPositive();

        proxy.restore();
        long deadline = System.currentTimeMillis() + 15_000;
        String rc = null;
        for (int i = 3; System.currentTimeMillis() < deadline; i++) {
            h.from("mir", mirPurchase(String.format("%06d", 400 + i), 10_000));
            IsoMessage forwarded = h.shetab.none(1_000);
            if (forwarded != null) {
                h.from("shetab", shetabAnswer(forwarded, "0000", "DB0002"));
                rc = h.mir.next().getString(39);
                break;
            }
            h.mir.next(); // a 96 while the pool reconnects
        }
        assertThat(rc).as("approved again once the database is back").isEqualTo("00");
    }
}
