package io.caspian.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time per thread group over the measured part of a run: where the time goes, read
 * from the JVM's own per-thread accounting (no profiler needed). Groups are thread names
 * with their numbers removed ({@code caspian-link-1-1} is {@code caspian-link}).
 */
final class CpuUsage {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int GROUPS_SHOWN = 8;

    private record Sample(String name, long nanos) {
    }

    private Map<Long, Sample> start = Map.of();
    private long startProcessNanos;
    private final Map<String, Long> byGroup = new HashMap<>();
    private long processNanos;

    /** The start of the measured part. */
    void mark() {
        start = perThread();
        startProcessNanos = processCpuNanos();
    }

    /** The end of the measured part: CPU since {@link #mark()}, per group. */
    void stop() {
        perThread().forEach((id, s) -> {
            Sample before = start.get(id);
            long used = s.nanos() - (before == null ? 0 : before.nanos());
            byGroup.merge(s.name().replaceAll("[-#]?\\d+", ""), used, Long::sum);
        });
        processNanos = processCpuNanos() - startProcessNanos;
    }

    /** Microseconds of CPU per request, largest groups first, the rest as "other". */
    String perRequest(long requests) {
        if (requests == 0 || processNanos <= 0) {
            return "n/a";
        }
        Map<String, Long> shown = new LinkedHashMap<>();
        byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(GROUPS_SHOWN).forEach(e -> shown.put(e.getKey(), e.getValue()));
        long listed = shown.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder(String.format("%.0f us of CPU per request: ",
                processNanos / 1e3 / requests));
        shown.forEach((g, n) -> sb.append(String.format("%s %.0f, ", g, n / 1e3 / requests)));
        sb.append(String.format("rest (GC, JIT, VM) %.0f",
                Math.max(0, processNanos - listed) / 1e3 / requests));
        return sb.toString();
    }

    private static Map<Long, Sample> perThread() {
        Map<Long, Sample> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), new Sample(info.getThreadName(), nanos));
                }
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
