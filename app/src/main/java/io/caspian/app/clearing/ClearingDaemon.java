package io.caspian.app.clearing;

import io.caspian.app.config.CaspianConfig;
import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import io.caspian.app.wiring.SwitchNode;
import io.caspian.clearing.BusinessDates;
import io.caspian.clearing.ClearingService;
import io.caspian.clearing.ReconExchange;
import io.caspian.clearing.ClearingSettings;
import io.caspian.core.port.BusinessCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clearing's part of {@code caspian run}: the switch takes its business dates from
 * {@link BusinessDates} (schedule, {@code caspian cutover}, or a scheme's 0800 cut-over),
 * and every {@value #PERIOD_SECONDS} s a background thread records scheduled cut-overs,
 * picks up cut-overs made by other processes and applies settlement's prefund credits.
 */
public final class ClearingDaemon implements AutoCloseable {
    static final long PERIOD_SECONDS = 30;
    static final long RECON_ANSWER_TIMEOUT_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClearingDaemon.class);

    private final ScheduledExecutorService executor;
    private final ConsoleClearing console;

    private ClearingDaemon(ScheduledExecutorService executor, ConsoleClearing console) {
        this.console = console;
        this.executor = executor;
    }

    public static ClearingDaemon start(Path configFile, SwitchNode node) throws ConfigException {
        CaspianConfig c = ConfigLoader.load(configFile);
        Settings settings = Settings.of(c, configFile.toString());
        ClearingSettings clearing = ClearingSetup.of(c, settings, configFile.toString(),
                Path.of("data", "clearing"));
        BusinessDates dates = new BusinessDates(node.store(), clearing.schemes(),
                Clock.systemUTC());
        node.engine().useBusinessCalendar(new BusinessCalendar() {
            @Override
            public LocalDate businessDate(String scheme, Instant at) {
                return dates.businessDate(scheme, at);
            }

            @Override
            public boolean cutOver(String scheme, Instant at) {
                LOG.info("{}: cut-over by network management; now in {}", scheme,
                        dates.announceCutOver(scheme, at));
                return true;
            }
        });
        ClearingService service = new ClearingService(node.store(), clearing, dates,
                Clock.systemUTC());
        ReconMessaging recon = new ReconMessaging(node, new ReconExchange(node.store(),
                service, clearing, Clock.systemUTC()), RECON_ANSWER_TIMEOUT_MS);
        EndOfDay endOfDay = new EndOfDay(dates, service,
                (scheme, day) -> recon.exchange(scheme, day, null));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "caspian-clearing");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                for (String scheme : dates.openScheduled()) {
                    LOG.info("{}: scheduled cut-over; now in {}", scheme,
                            dates.businessDate(scheme, Instant.now()));
                    endOfDay.closed(scheme);
                }
                PrefundFeed.apply(node.store().clearing(), node);
            } catch (RuntimeException e) {
                LOG.warn("clearing housekeeping failed (next try in {} s): {}", PERIOD_SECONDS,
                        e.toString());
            }
        }, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        return new ClearingDaemon(executor, new ConsoleClearing(dates, node.store().clearing(),
                List.copyOf(clearing.schemes().keySet())));
    }

    /** Business dates, cut-over and settlement for the console. */
    public ConsoleClearing consolePort() {
        return console;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
