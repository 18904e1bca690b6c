package io.caspian.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.app.CaspianCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code caspian bench} with the floor: both the switch and the issuer simulator
 * alone answer every request (no timeouts), so the figures it prints are of real work. Not
 * a timing test: only counts are checked.
 */
class BenchIT {
    @TempDir
    Path dir;

    @Test
    void theSwitchAndTheFloorAnswerEveryRequest() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = CaspianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("bench", "--mode", "closed", "--floor", "--requests", "300",
                "--warmup", "0s", "--in-flight", "8", "--data",
                dir.resolve("bench").toString());

        assertThat(code).as(err.toString()).isZero();
        // The result table: the rows between its header and its legend.
        List<String> all = out.toString().lines().toList();
        int header = all.indexOf(all.stream().filter(l -> l.startsWith("target "))
                .findFirst().orElse(""));
        assertThat(header).as(out.toString()).isNotNegative();
        List<String> rows = all.subList(header + 1, all.size()).stream()
                .filter(l -> l.startsWith("floor ") || l.startsWith("switch ")).toList();
        assertThat(rows).as(out.toString()).isNotEmpty();
        assertThat(rows).anyMatch(l -> l.startsWith("floor "))
                .anyMatch(l -> l.startsWith("switch "));
        for (String row : rows) {
            String[] c = row.trim().split("\\s+");
            // target mode in-flight direction requests TPS p50 p99 p99.9 max approved
            // declined errors
            assertThat(c[c.length - 1]).as("errors in: " + row).isEqualTo("0");
            assertThat(Long.parseLong(c[c.length - 3])).as("approved in: " + row)
                    .isEqualTo(Long.parseLong(c[4]));
        }
    }
}
