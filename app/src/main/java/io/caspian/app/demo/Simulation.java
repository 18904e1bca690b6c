package io.caspian.app.demo;

import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyType;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.link.LinkRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The world around the switch, as the demo, the end-to-end tests, the crash test and the
 * benchmark need it: the schemes' HSM and Caspian's, keys exchanged in a ceremony, both
 * simulated schemes listening on loopback, and the switch's configuration pointing at them.
 * The switch itself is started by the caller (in process, or as its own process).
 */
public final class Simulation implements AutoCloseable {
    public final Path data;
    public final SoftwareHsm schemesHsm;
    public final SoftwareHsm caspianHsm;
    public final SchemeWorld mir;
    public final SchemeWorld shetab;
    public final List<String> ceremony;

    private Simulation(Path data, SoftwareHsm schemesHsm, SoftwareHsm caspianHsm,
            SchemeWorld mir, SchemeWorld shetab, List<String> ceremony) {
        this.data = data;
        this.schemesHsm = schemesHsm;
        this.caspianHsm = caspianHsm;
        this.mir = mir;
        this.shetab = shetab;
        this.ceremony = ceremony;
    }

    /** Creates the HSMs under {@code data} (which must be empty or absent) and the schemes. */
    public static Simulation start(Path data, LinkRuntime runtime, int cardsPerScheme,
            long seed) throws IOException, DialectException {
        SoftwareHsm schemesHsm = SoftwareHsm.initialize(data.resolve("hsm-schemes"));
        SoftwareHsm caspianHsm = SoftwareHsm.initialize(data.resolve("hsm-caspian"));
        List<String> ceremony = List.of(
                KeyCeremony.exchange(schemesHsm, caspianHsm, "mir", KeyAlgorithm.TDES_2KEY),
                KeyCeremony.exchange(schemesHsm, caspianHsm, "shetab", KeyAlgorithm.AES_128));
        caspianHsm.execute(new HsmCommand.EnsureKey("pan.data", KeyType.DATA,
                KeyAlgorithm.AES_256)).orElseThrow();
        caspianHsm.execute(new HsmCommand.EnsureKey("pan.lookup", KeyType.HASH,
                KeyAlgorithm.AES_256)).orElseThrow();
        SchemeWorld mir = SchemeWorld.start("mir", schemesHsm, runtime, cardsPerScheme, seed);
        SchemeWorld shetab = SchemeWorld.start("shetab", schemesHsm, runtime, cardsPerScheme,
                seed + 1);
        return new Simulation(data, schemesHsm, caspianHsm, mir, shetab, ceremony);
    }

    /**
     * The switch's configuration for this world (app/src/main/resources/demo): the
     * simulators' ports, the store and Caspian's key store under {@link #data}.
     */
    public String configYaml() throws IOException {
        String yaml;
        try (InputStream in = Simulation.class.getResourceAsStream("/demo/caspian-demo.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return yaml.replace("${DATA}", data.toAbsolutePath().toString())
                .replace("${MIR_PORT}", Integer.toString(mir.port))
                .replace("${SHETAB_PORT}", Integer.toString(shetab.port));
    }

    public Settings settings() throws IOException, ConfigException {
        return Settings.of(ConfigLoader.parse(configYaml(), "demo/caspian-demo.yaml"),
                "demo/caspian-demo.yaml");
    }

    @Override
    public void close() {
        shetab.close();
        mir.close();
    }
}
