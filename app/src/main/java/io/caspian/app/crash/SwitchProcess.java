package io.caspian.app.crash;

import io.caspian.app.demo.SchemeWorld;
import io.caspian.app.demo.Simulation;
import io.caspian.link.Link;
import io.caspian.link.LinkState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The switch as a child process ({@code caspian run}), started with the same Java as the
 * driver. Its output is appended to one log file across restarts, so a failing seed leaves
 * the switch's own account of every recovery next to the driver's findings.
 */
final class SwitchProcess {
    /** A cold JVM, Flyway, H2 recovery and two sign-ons on a busy 2-core machine. */
    private static final long SIGN_ON_WAIT_MS = 60_000;
    /** The simulators see a killed peer's sockets close at once; this is a safety margin. */
    private static final long LINK_DOWN_WAIT_MS = 10_000;
    private static final long EXIT_WAIT_SECONDS = 30;

    private final Path jar;
    private final Path config;
    private final Path log;
    private final Simulation world;
    private Process process;
    private int starts;

    SwitchProcess(Path jar, Path config, Path log, Simulation world) {
        this.jar = jar;
        this.config = config;
        this.log = log;
        this.world = world;
    }

    /** Starts the switch and waits until both schemes' links are signed on. */
    long start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the switch is already running");
        }
        long begin = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                // C1 only and a small heap: the switch restarts often, and it shares two
                // cores with the driver's simulators.
                "-XX:TieredStopAtLevel=1", "-Xmx384m", "-Dcaspian.log.level=INFO",
                "-cp", jar.toString(), "io.caspian.app.Main", "run", "--config",
                config.toString()));
        starts++;
        Files.writeString(log, "---- crash soak: start " + starts + " ----\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.currentTimeMillis() + SIGN_ON_WAIT_MS;
        while (!signedOn()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the switch exited with " + process.exitValue()
                        + " before signing on; see " + log);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the switch did not sign on within "
                        + SIGN_ON_WAIT_MS + " ms; see " + log);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /** SIGKILL: no shutdown hook, no flush, sockets closed by the kernel. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
        awaitLinksDown();
    }

    /** SIGTERM: the switch's shutdown hook runs; used once the traffic has drained. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        awaitExit();
        awaitLinksDown();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private void awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Waits until the simulators have noticed, so that the next start's sign-on is the new
     * process's and not a stale state of the old one.
     */
    private void awaitLinksDown() throws InterruptedException {
        long deadline = System.currentTimeMillis() + LINK_DOWN_WAIT_MS;
        while (System.currentTimeMillis() < deadline && (state(world.mir) == LinkState.SIGNED_ON
                || state(world.shetab) == LinkState.SIGNED_ON)) {
            Thread.sleep(20);
        }
    }

    private boolean signedOn() {
        return state(world.mir) == LinkState.SIGNED_ON
                && state(world.shetab) == LinkState.SIGNED_ON;
    }

    private static LinkState state(SchemeWorld scheme) {
        Link link = scheme.simulator.link();
        return link == null ? LinkState.DISCONNECTED : link.state();
    }
}
