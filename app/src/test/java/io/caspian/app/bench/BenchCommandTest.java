package io.caspian.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.app.CaspianCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments end as one line on stderr and exit code 2, before any load starts. */
class BenchCommandTest {
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = CaspianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--mode|sideways|--mode must be closed, open or both",
        "--direction|mir>mars|--direction must be mir>shetab, shetab>mir or both",
        "--in-flight|0|--in-flight must be 1..10000",
        "--in-flight|many|Invalid value for option '--in-flight'",
        "--rate|0|--rate must be 1..200000",
        "--requests|0|--requests must be 1..100000000",
        "--duration|10x|--duration '10x' is not a duration like 20s or 2m",
        "--duration|500ms|--duration must be 1.0 s to 24 h",
        "--warmup|-5s|--warmup must be 0.0 s to 24 h",
        "--mix|wholesale|--mix must be purchase or retail, not 'wholesale'",
        "--pin-fraction|1.5|--pin-fraction must be 0..1",
        "--io-threads|0|--io-threads must be 1..16",
        "--batch-max|20000|--batch-max must be 0..16384",
        "--store|mysql://db/caspian|--store must be embedded or a jdbc:postgresql: or jdbc:h2: URL"
    })
    void aBadValueIsOneLineAndExitCode2(String option, String value, String message) {
        Run r = run("bench", option, value);
        assertThat(r.code()).isEqualTo(CaspianCommand.EXIT_USAGE);
        assertThat(r.err()).startsWith("caspian: ").contains(message);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void refusesToRecreateADirectoryItDidNotMake(@TempDir Path dir) throws Exception {
        Path precious = dir.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("keep.txt"), "not the bench's\n");
        Run r = run("bench", "--data", precious.toString(), "--duration", "1s");
        assertThat(r.code()).isEqualTo(CaspianCommand.EXIT_USAGE);
        assertThat(r.err().strip()).startsWith("caspian: bench: ")
                .endsWith("is not a bench directory; choose another with --data");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(precious.resolve("keep.txt")).exists();
    }

    @Test
    void directionsAcceptADashForTheShell() {
        assertThat(Direction.parse("shetab-mir")).containsExactly(Direction.SHETAB_TO_MIR);
        assertThat(Direction.parse("both")).containsExactly(Direction.MIR_TO_SHETAB,
                Direction.SHETAB_TO_MIR);
    }
}
