package io.caspian.app.clearing;

import io.caspian.app.CliException;
import io.caspian.app.config.CaspianConfig;
import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import io.caspian.clearing.BusinessDates;
import io.caspian.clearing.ClearingService;
import io.caspian.clearing.ClearingSettings;
import io.caspian.clearing.Disputes;
import io.caspian.clearing.Reconciler;
import io.caspian.clearing.SettlementService;
import io.caspian.store.StoreException;
import io.caspian.store.TransactionStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The store and the clearing services of one command, built from {@code --config} or, by
 * default, from the directory {@code caspian demo} left behind.
 */
final class ClearingRun implements AutoCloseable {
    final TransactionStore store;
    final ClearingSettings settings;
    final BusinessDates dates;
    final ClearingService clearing;
    final SettlementService settlement;
    final Disputes disputes;
    final Reconciler reconciler;

    private ClearingRun(TransactionStore store, ClearingSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.dates = new BusinessDates(store, settings.schemes(), clock);
        this.clearing = new ClearingService(store, settings, dates, clock);
        this.settlement = new SettlementService(clearing, store, settings, clock);
        this.disputes = new Disputes(store, settings, dates, clock);
        this.reconciler = new Reconciler(store, clearing, settings);
    }

    static ClearingRun open(Path config, Path demoData) {
        String source;
        String yaml;
        Path defaultOutput;
        try {
            if (config != null) {
                source = config.toString();
                yaml = Files.readString(config);
                defaultOutput = Path.of("data", "clearing");
            } else {
                if (!Files.isDirectory(demoData.resolve("store"))) {
                    throw new CliException("no demo store under " + demoData + " (run ./caspian"
                            + " demo first, or pass --config FILE)");
                }
                source = "demo/caspian-demo.yaml";
                yaml = demoYaml(demoData);
                defaultOutput = demoData.resolve("clearing");
            }
        } catch (IOException e) {
            throw new CliException("cannot read " + config + ": " + e.getMessage());
        }
        try {
            CaspianConfig c = ConfigLoader.parse(yaml, source);
            Settings settings = Settings.of(c, source);
            ClearingSettings clearing = ClearingSetup.of(c, settings, source, defaultOutput);
            return new ClearingRun(TransactionStore.open(settings.store(), Clock.systemUTC()),
                    clearing, Clock.systemUTC());
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        } catch (StoreException e) {
            throw new CliException("store: " + e.getMessage());
        }
    }

    /** The demo's configuration for {@code data} (its links are not used here). */
    static String demoYaml(Path data) throws IOException {
        try (InputStream in = ClearingRun.class.getResourceAsStream("/demo/caspian-demo.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${DATA}", data.toAbsolutePath().toString())
                    .replace("${MIR_PORT}", "7001").replace("${SHETAB_PORT}", "7002");
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliException("--date: '" + text + "' is not a date like 2026-11-25");
        }
    }

    /** Runs a command; what clearing or the store refuses becomes one line, exit code 2. */
    static Integer oneLineErrors(java.util.function.Supplier<Integer> command) {
        try {
            return command.get();
        } catch (io.caspian.clearing.ClearingException e) {
            throw new CliException(e.getMessage());
        } catch (StoreException e) {
            throw new CliException("store: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
