package io.caspian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caspian run} refuses to start, in one line, on what a newcomer has not set up. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingLmkSaysHowToCreateOne() throws Exception {
        String shipped = Files.readString(Path.of("..", "config", "caspian.yaml"));
        Path config = Files.writeString(dir.resolve("caspian.yaml"), shipped
                .replace("dataDir: ./data", "dataDir: " + dir.resolve("data"))
                .replace("store: ./data/hsm", "store: " + dir.resolve("hsm"))
                .replace("lmk: ./data/hsm/lmk.hex", "lmk: " + dir.resolve("hsm/lmk.hex")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CaspianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("run", "--config", config.toString());

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).doesNotContain("\n")
                .startsWith("caspian: hsm: " + dir.resolve("hsm/lmk.hex") + " does not exist")
                .contains("caspian hsm lmk init");
    }
}
