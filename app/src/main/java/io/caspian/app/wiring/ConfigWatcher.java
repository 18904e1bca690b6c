package io.caspian.app.wiring;

import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads routes, rates, screening lists and limits when the configuration file changes,
 * without a restart. A file that does not load is logged in one line and ignored: the
 * running settings stay. Scheme, dialect, link and MAC changes need a restart and are
 * refused by the engine.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final long POLL_MS = 2_000;

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread t = new Thread(r, "caspian-config-watch");
                t.setDaemon(true);
                return t;
            });
    private final Path file;
    private final SwitchNode node;
    private FileTime seen;

    public ConfigWatcher(Path file, SwitchNode node) throws IOException {
        this.file = file;
        this.node = node;
        this.seen = Files.getLastModifiedTime(file);
        poller.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            FileTime now = Files.getLastModifiedTime(file);
            if (now.equals(seen)) {
                return;
            }
            seen = now;
            Settings next = Settings.of(ConfigLoader.load(file), file.toString());
            node.thread().execute(() -> {
                String refused = node.engine().reload(next.switchSettings());
                if (refused != null) {
                    LOG.warn("{}: not reloaded: {}", file, refused);
                }
            });
        } catch (ConfigException e) {
            LOG.warn("not reloaded, the running configuration stays: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: not reloaded: {}", file, e.getMessage());
        }
    }

    /**
     * Reloads now, for an operator (the console): waits until the engine took the settings
     * or refused them. Returns null when reloaded, else why not.
     */
    public String reloadNow() {
        Settings next;
        try {
            next = Settings.of(ConfigLoader.load(file), file.toString());
        } catch (ConfigException e) {
            return "not reloaded, the running configuration stays: " + e.getMessage();
        }
        String[] refused = new String[1];
        node.thread().runAndWait(() -> refused[0] = node.engine().reload(
                next.switchSettings()));
        if (refused[0] == null) {
            LOG.info("{}: reloaded by an operator", file);
        }
        return refused[0];
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
