package io.caspian.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's crash test, short and seeded for CI: the packaged switch (target/caspian.jar,
 * built by the shade plugin in {@code package}, before failsafe runs) as its own process
 * under traffic both ways, killed with SIGKILL ten times and restarted, then drained. Every
 * approval an acquirer was told must be stored exactly once, every other issuer posting
 * reversed, and acquirers, store and issuer ledgers must agree per direction (I1-I4).
 */
class CrashIT {
    private static final long SEED = 11;

    @TempDir
    Path dir;

    @Test
    void noKillControlRunPasses() throws Exception {
        StringWriter text = new StringWriter();
        Findings f = soak(0, text);
        assertThat(f.clean()).as(text.toString()).isTrue();
        assertThat(f.approvalsChecked()).as(text.toString()).isGreaterThan(100);
    }

    @Test
    void tenSigkillsLoseNothingAndLeaveNothingUnreversed() throws Exception {
        StringWriter text = new StringWriter();
        Findings f = soak(10, text);
        String out = text.toString();
        assertThat(f.kills).as(out).isEqualTo(10);
        assertThat(f.approvalsChecked()).as(out).isGreaterThan(50);
        assertThat(f.violations()).as(out).isEmpty();
        assertThat(out).contains("crash-soak: PASS");
        // I5: the soak's own findings name cards by masked PAN only.
        assertThat(out).doesNotContainPattern(
                "(?<![0-9])(220[0-4][0-9]{12}|6[0-9]{15})(?![0-9])");
    }

    private Findings soak(int kills, StringWriter text) throws Exception {
        Path jar = Path.of("target", "caspian.jar");
        assertThat(jar).as("the shaded jar, built in the package phase").exists();
        Findings f = new CrashSoak(new CrashSoak.Options(kills, SEED, dir.resolve("soak"), jar,
                50), new PrintWriter(text, true)).run();
        Files.writeString(dir.resolve("soak.txt"), text.toString());
        return f;
    }
}
