package io.caspian.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole interlink over real TCP on loopback, as {@code caspian demo} runs it: both
 * directions, PINs translated and verified by the issuers, refunds, balance inquiries,
 * timeouts with reversals repeated until acknowledged, a link down with stand-in and advices
 * after recovery, the link reconnecting under traffic; and at the end acquirers, store and
 * issuer ledgers agree to the minor unit per direction.
 */
class DemoIT {
    @TempDir
    Path dir;

    @Test
    void bothDirectionsTradeThroughEveryPhaseAndReconcileToTheMinorUnit() throws Exception {
        StringWriter text = new StringWriter();
        Demo demo = new Demo(new PrintWriter(text, true), dir.resolve("demo"),
                Duration.ofSeconds(10), 40, 7, new DemoConsole("127.0.0.1", -1, null, false));
        int code = demo.run();
        String out = text.toString();
        assertThat(out).contains("RECONCILED: acquirers, switch and issuers agree");
        // Business day end: clearing totals equal the issuers' ledgers, settlement nets out.
        assertThat(out).contains("CLEARED: clearing files agree with issuers and acquirers")
                .containsPattern("settlement [0-9-]+: [0-9]+ positions, nets to zero")
                // Settlement gives the reserved amounts back: positions return to prefunding.
                .containsPattern("mir [0-9,.]+ -> 50,000,000.00 RUB, shetab [0-9,]+ -> "
                        + "2,000,000,000,000 IRR")
                // Reconciliation messages with both schemes' hosts find the day in balance.
                .containsPattern("reconciliation mir [0-9-]+ \\(0500/0510\\): in balance")
                .containsPattern("reconciliation shetab [0-9-]+ \\(2520/2530\\): in balance")
                .doesNotContain("MISMATCH");
        assertThat(code).as(out).isZero();
        assertThat(out).containsPattern("approvals stored")
                .containsPattern("reversals delivered [1-9]")
                .containsPattern("stand-in [1-9]")
                .containsPattern("advices delivered [1-9]");
        assertThat(out).doesNotContainPattern(
                "(?<![0-9])(220[0-4][0-9]{12}|6037[0-9]{12})(?![0-9])");
    }
}
