package io.caspian.app.bench;

import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import io.caspian.app.demo.Simulation;
import java.io.IOException;

/**
 * The demo's switch configuration for the bench world, with the per-card daily velocity
 * limits of screening raised: a few hundred test cards stand in for the millions of a real
 * day, and at 50 requests per card per day the demo's limit would turn a load test into a
 * test of declines. The check itself still runs on every request.
 */
final class BenchSettings {
    static final long DAILY_COUNT_MAX = 1_000_000_000L;
    static final long DAILY_AMOUNT_MAX_MINOR = 1_000_000_000_000_000L;

    private BenchSettings() {
    }

    static Settings of(Simulation world, BenchPlan plan) throws IOException, ConfigException {
        String yaml = raiseScreeningLimits(world.configYaml());
        Settings s = Settings.of(ConfigLoader.parse(yaml, "demo/caspian-demo.yaml (bench)"),
                "demo/caspian-demo.yaml (bench)");
        return StoreChoice.apply(s, plan);
    }

    /** Only the {@code screening:} maps change; stand-in's own daily limits stay. */
    static String raiseScreeningLimits(String yaml) {
        return yaml.replaceAll("(screening: \\{[^}]*dailyCountMax: )\\d+", "$1" + DAILY_COUNT_MAX)
                .replaceAll("(screening: \\{[^}]*dailyAmountMaxMinor: )\\d+",
                        "$1" + DAILY_AMOUNT_MAX_MINOR);
    }
}
