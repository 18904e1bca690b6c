package io.caspian.app;

import io.caspian.app.demo.DemoConsole;
import io.caspian.app.demo.DemoRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caspian demo}: two simulated schemes trading through the switch. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the switch between simulated Mir and Shetab schemes on loopback, "
                + "with traffic both ways, faults, and a reconciliation at the end.")
public final class DemoCommand implements Callable<Integer> {
    /** Sets the demo user's password instead of a random one (scripts and tests). */
    static final String PASSWORD_VARIABLE = "CASPIAN_DEMO_PASSWORD";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "D",
            description = "How long traffic runs, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--tps", defaultValue = "100", paramLabel = "N",
            description = "Requests per second in each direction (default: ${DEFAULT-VALUE}).")
    int tps;

    @Option(names = "--data", defaultValue = "data/demo", paramLabel = "DIR",
            description = "Working directory, recreated on each run (default: "
                    + "${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice.")
    long seed;

    @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Console, API and /metrics port; 0 picks a free one, -1 turns the"
                    + " console off (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address the console binds (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--linger",
            description = "Keep the switch and console up after the summary until Ctrl-C.")
    boolean linger;

    @Override
    public Integer call() {
        Duration d = Duration.ofMillis(Durations.millis("--duration", duration, 3_000));
        if (tps < 1 || tps > 20_000) {
            throw new CliException("--tps must be 1..20000");
        }
        if (httpPort < -1 || httpPort > 65_535) {
            throw new CliException("--http-port must be -1 (off), 0 (any) or 1..65535");
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        return DemoRunner.run(spec.commandLine().getOut(), data, d, tps, seed,
                new DemoConsole(httpHost, httpPort,
                        password == null || password.isBlank() ? null : password, linger));
    }
}
