package io.caspian.app.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.caspian.app.CliException;
import io.caspian.app.config.ConfigException;
import io.caspian.iso8583.dialect.DialectException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo; Ctrl-C ends the traffic early and still drains and reconciles before the
 * process exits with the reconciliation's code.
 */
public final class DemoRunner {
    private DemoRunner() {
    }

    public static int run(PrintWriter out, Path data, Duration duration, int tps, long seed,
            DemoConsole console) {
        // The demo's own ceremony splits keys on purpose; its warning is for real operators.
        ((Logger) LoggerFactory.getLogger("io.caspian.hsm.CeremonyCommands"))
                .setLevel(Level.ERROR);
        Demo demo = new Demo(out, data, duration, tps, seed, console);
        CountDownLatch done = new CountDownLatch(1);
        int[] code = {1};
        Thread hook = new Thread(() -> {
            demo.stop.set(true);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
            Runtime.getRuntime().halt(code[0]);
        }, "demo-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            code[0] = demo.run();
            return code[0];
        } catch (IOException | DialectException | ConfigException e) {
            throw new CliException("demo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("demo interrupted");
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C already started the shutdown: the hook exits with our code.
            }
        }
    }
}
