package io.caspian.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.core.flow.SwitchSettings;
import io.caspian.link.LinkRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped configuration loads; a bad one names the key and why in one line. */
class ConfigLoaderTest {
    private static final Path SHIPPED = Path.of("..", "config", "caspian.yaml");

    private static String shipped() throws Exception {
        return Files.readString(SHIPPED);
    }

    @Test
    void theShippedConfigurationLoadsIntoTypedSettings() throws Exception {
        Settings s = Settings.of(ConfigLoader.load(SHIPPED), "caspian.yaml");
        assertThat(s.switchSettings().schemes()).containsOnlyKeys("mir", "shetab");
        assertThat(s.switchSettings().router().issuerOf("6037990000000006")).hasValue("shetab");
        assertThat(s.switchSettings().router().issuerOf("2202123412341234")).hasValue("mir");
        assertThat(s.links().get("shetab").role()).isEqualTo(LinkRole.CONNECT);
        assertThat(s.links().get("shetab").framing().header().code()).isEqualTo("ascii4");
        assertThat(s.switchSettings().scheme("shetab").wire().currency().exponent()).isZero();
        assertThat(s.store().jdbcUrl()).startsWith("jdbc:h2:file:");
        assertThat(s.store().journalDir().toString()).endsWith("/data/journal");
        assertThat(s.store().journalFsync()).isFalse();
    }

    @Test
    void theEmbeddedStoreMayForceItsJournalAndPostgresHasNone() throws Exception {
        Settings forced = Settings.of(ConfigLoader.parse(shipped().replace(
                "journalFsync: false", "journalFsync: true"), "c.yaml"), "c.yaml");
        assertThat(forced.store().journalFsync()).isTrue();
        String postgres = shipped().replace("jdbcUrl: embedded",
                "jdbcUrl: jdbc:postgresql://127.0.0.1:5432/test");
        String withoutFsync = postgres.replaceAll("(?m)^  journalFsync:.*\\n", "");
        assertThat(Settings.of(ConfigLoader.parse(withoutFsync, "c.yaml"), "c.yaml").store()
                .journalDir()).isNull();
        assertBad(postgres, "c.yaml: store.journalFsync: is for the embedded store "
                + "(jdbcUrl: embedded)");
    }

    @Test
    void theQueueWaitLimitIsReadAndDefaultsWhenAbsent() throws Exception {
        Settings shipped = Settings.of(ConfigLoader.parse(shipped().replace(
                "queueWaitMaxMs: 1000", "queueWaitMaxMs: 250"), "c.yaml"), "c.yaml");
        assertThat(shipped.switchSettings().queueWaitMaxMs()).isEqualTo(250);
        String without = shipped().replaceAll("(?m)^  queueWaitMaxMs:.*\\n", "");
        assertThat(without).doesNotContain("queueWaitMaxMs");
        assertThat(Settings.of(ConfigLoader.parse(without, "c.yaml"), "c.yaml")
                .switchSettings().queueWaitMaxMs())
                .isEqualTo(SwitchSettings.QUEUE_WAIT_MAX_MS_DEFAULT);
        assertBad(shipped().replace("queueWaitMaxMs: 1000", "queueWaitMaxMs: 5"),
                "c.yaml: switch.queueWaitMaxMs: must be at least 10");
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath() throws Exception {
        String bad = shipped().replace("framing: ascii4", "framing: ascii4, colour: red");
        assertThatThrownBy(() -> ConfigLoader.parse(bad, "c.yaml"))
                .hasMessage("c.yaml: schemes.shetab.link.colour: unknown key");
    }

    @Test
    void badValuesAreNamedWithTheirPathAndWhy() throws Exception {
        assertBad(shipped().replace("pinBlockFormat: 4", "pinBlockFormat: 2"),
                "c.yaml: schemes.shetab.pinBlockFormat: must be 0, 1, 3 or 4");
        assertBad(shipped().replace("timeZone: Asia/Tehran", "timeZone: Mars/Olympus"),
                "c.yaml: schemes.shetab.timeZone: 'Mars/Olympus' is not a time zone");
        assertBad(shipped().replace("dialect: shetab", "dialect: nope"),
                "c.yaml: schemes.shetab.dialect: nope: no such dialect; built in are "
                        + "iso87-ascii, iso87-binary, mir, shetab, or give a path to a "
                        + "dialect file");
        assertBad(shipped().replace("echoIntervalMs: 30000, signOnRequired: true, "
                + "reconnectMinMs: 200,\n           reconnectMaxMs: 10000, "
                + "outboundQueueMax: 10000}\n  shetab", "echoIntervalMs: 100, "
                + "signOnRequired: true, reconnectMinMs: 200,\n           reconnectMaxMs: "
                + "10000, outboundQueueMax: 10000}\n  shetab"),
                "c.yaml: schemes.mir.link.echoIntervalMs: must be 0 (off) or longer than "
                        + "responseTimeoutMs");
        assertBad(shipped().replace("currency: IRR", "currency: XXX"),
                "c.yaml: schemes.shetab.currency: 'XXX' is not in the currency table");
        assertBad(shipped().replace("port: 7002", "port: seven"),
                "c.yaml: schemes.shetab.link.port: 'seven' is not a valid int");
    }

    private static void assertBad(String yaml, String message) {
        assertThatThrownBy(() -> Settings.of(ConfigLoader.parse(yaml, "c.yaml"), "c.yaml"))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }
}
