package io.caspian.app;

import io.caspian.app.config.CaspianConfig;
import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.ConsoleConfig;
import io.caspian.app.config.Settings;
import io.caspian.app.wiring.ConfigWatcher;
import io.caspian.app.wiring.Console;
import io.caspian.console.ConsoleServer;
import io.caspian.app.wiring.SwitchNode;
import io.caspian.console.ConsoleSettings;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyType;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.hsm.keys.Lmk;
import io.caspian.link.LinkRuntime;
import io.caspian.store.StoreException;
import io.caspian.store.pan.HsmPanProtector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caspian run --config F}: the switch alone, for real scheme links. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the switch with the links, schemes and store of a configuration file.")
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "F",
            description = "Configuration file (see config/caspian.yaml, docs/configuration.md).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings;
        ConsoleSettings console;
        try {
            CaspianConfig file = ConfigLoader.load(config);
            settings = Settings.of(file, config.toString());
            console = ConsoleConfig.of(file, config.toString());
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
        SoftwareHsm hsm = openHsm(settings);
        for (var scheme : settings.switchSettings().schemes().values()) {
            HsmResult<KeyInfo> zpk = hsm.execute(new HsmCommand.DescribeKey(
                    KeyRef.current(scheme.zonePinKeyId())));
            if (!zpk.isOk()) {
                throw new CliException("scheme " + scheme.id() + ": zone PIN key '"
                        + scheme.zonePinKeyId() + "' is not in the key store " + settings.hsmStore()
                        + " (exchange it with caspian hsm key import)");
            }
        }
        ensure(hsm, settings.panDataKey(), KeyType.DATA);
        ensure(hsm, settings.panHashKey(), KeyType.HASH);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // SIGTERM: let the switch sign off, commit what is queued and close the store
        // before the JVM exits (the hook waits for it).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "caspian-stop"));
        try (LinkRuntime runtime = LinkRuntime.create(settings.ioThreads());
                SwitchNode node = SwitchNode.start(settings, hsm, new HsmPanProtector(hsm,
                        settings.panDataKey(), settings.panHashKey()), runtime,
                        Clock.systemUTC())) {
            out.println("caspian: running with " + config + "; links "
                    + node.links().keySet() + "; edits to routes, rates and screening in the"
                    + " file are reloaded; Ctrl-C stops");
            ConfigWatcher watcher = new ConfigWatcher(config, node);
            io.caspian.app.clearing.ClearingDaemon clearing;
            try {
                clearing = io.caspian.app.clearing.ClearingDaemon.start(config, node);
            } catch (ConfigException e) {
                watcher.close();
                throw new CliException(e.getMessage());
            }
            ConsoleServer server = null;
            try {
                if (console != null) {
                    server = Console.start(node, console, watcher::reloadNow,
                            clearing.consolePort(), Clock.systemUTC());
                    out.println("caspian: console on " + (console.tls() == null ? "http"
                            : "https") + "://" + console.host() + ":"
                            + server.port() + "/ (users from the configuration's users:)");
                } else {
                    out.println("caspian: no http: section, so no console, API or /metrics");
                }
                out.flush();
                stopped.await();
            } catch (ConsoleServer.ConsoleStartException e) {
                throw new CliException(e.getMessage());
            } finally {
                clearing.close();
                if (server != null) {
                    server.close();
                }
                watcher.close();
            }
        } catch (IOException e) {
            throw new CliException(config + ": " + e.getMessage());
        } catch (StoreException e) {
            throw new CliException("store: " + e.getMessage());
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void ensure(SoftwareHsm hsm, String id, KeyType type) {
        HsmResult<KeyInfo> r = hsm.execute(new HsmCommand.EnsureKey(id, type,
                KeyAlgorithm.AES_256));
        if (!r.isOk()) {
            throw new CliException("key " + id + ": " + r);
        }
    }

    private static SoftwareHsm openHsm(Settings settings) {
        try {
            Lmk lmk;
            String env = System.getenv(Lmk.ENVIRONMENT_VARIABLE);
            if (settings.lmk() != null) {
                lmk = Lmk.readFile(settings.lmk());
            } else if (env != null && !env.isBlank()) {
                lmk = Lmk.fromHex(env);
            } else {
                throw new CliException("no LMK: set hsm.lmk in the configuration or "
                        + Lmk.ENVIRONMENT_VARIABLE);
            }
            return SoftwareHsm.open(settings.hsmStore(), lmk);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException("hsm: " + e.getMessage() + " does not exist: create the LMK"
                    + " and key store with 'caspian hsm lmk init' and the scheme keys with"
                    + " 'caspian hsm key ...' (README, \"Keys, PINs and MACs\")");
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("hsm: " + e.getMessage());
        }
    }
}
