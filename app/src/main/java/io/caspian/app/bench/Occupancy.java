package io.caspian.app.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Samples how many requests sit inside the switch (received, not yet answered) every
 * {@value #PERIOD_MS} ms during a run. By Little's law, the mean divided by the throughput
 * is the time a request spends inside the switch; the rest of its latency is the
 * simulators, the acquirer and the loopback hops.
 */
final class Occupancy implements AutoCloseable {
    private static final long PERIOD_MS = 50;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long samples;
    private long sum;

    Occupancy(IntSupplier insideSwitch) {
        thread = new Thread(() -> {
            while (running.get()) {
                int n = insideSwitch.getAsInt();
                synchronized (this) {
                    samples++;
                    sum += n;
                }
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-occupancy");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized double mean() {
        return samples == 0 ? 0 : (double) sum / samples;
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
