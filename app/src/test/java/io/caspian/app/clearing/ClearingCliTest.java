package io.caspian.app.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.app.CaspianCommand;
import io.caspian.store.AcquirerReference;
import io.caspian.store.Amount;
import io.caspian.store.Channel;
import io.caspian.store.Fees;
import io.caspian.store.IssuerReference;
import io.caspian.store.ReconExchangeRow;
import io.caspian.store.StoreConfig;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransactionStore;
import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.ProtectedPan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code caspian cutover | clear | settle | recon | dispute} on a store laid out as
 * {@code caspian demo} leaves it, with one approved Shetab card purchase at a Mir terminal.
 */
class ClearingCliTest {
    static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    @TempDir
    Path data;
    StringWriter out;
    StringWriter err;
    UUID purchase = UUID.randomUUID();

    @BeforeEach
    void demoStore() {
        try (TransactionStore store = TransactionStore.open(
                StoreConfig.embedded(data.resolve("store")), Clock.systemUTC())) {
            ProtectedPan pan = new ProtectedPan(new byte[28], "k@v1",
                    PanHash.of(new byte[PanHash.LENGTH_BYTES]), "603799", "0119");
            store.submit(new StoreWrite.InsertTransaction(new TransactionRecord(purchase,
                    Instant.parse("2026-11-20T09:00:00Z"), "mir", "shetab", Channel.POS, "0200",
                    "000000", pan, new Amount(150_000, 643, 2), new Amount(660_000, 364, 0),
                    null, new BigDecimal("440"), new AcquirerReference("000001", "R000001",
                            "T1", "M1", "5411", "22001", "1120090000"),
                    new IssuerReference("000001", null), DATE, TransactionState.APPROVED,
                    "00", "000", "A00001", false, null, Fees.NONE), "TEST")).join();
        }
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = CaspianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return cl.execute(all);
    }

    @Test
    void clearSettleReconcileAndDispute() throws Exception {
        assertThat(run("clear", "--date", DATE.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("mir 2026-11-20: written")
                .contains("records 1 (0 late from earlier dates)")
                .contains("RUB       1 records  debits 1,500.00")
                .contains("IRR       1 records  debits 660,000");
        Path file = data.resolve("clearing/caspian-mir-20261120.clr");
        byte[] first = Files.readAllBytes(file);
        assertThat(run("clear", "--date", DATE.toString(), "--scheme", "mir")).isZero();
        assertThat(out.toString()).contains("sent before; rebuilt identically");
        assertThat(Files.readAllBytes(file)).isEqualTo(first);

        assertThat(run("settle", "--date", DATE.toString())).isZero();
        assertThat(out.toString()).contains("SETTLED: positions net to zero")
                .contains("prefunded position of shetab credited 660,000 IRR");
        assertThat(data.resolve("clearing/settlement-20261120.html")).exists();
        assertThat(run("recon", "--date", DATE.toString())).isZero();
        assertThat(out.toString()).contains("RECONCILED")
                .contains("reconciliation messages: none exchanged with mir for 2026-11-20");
        // The last x500/x510 exchange is shown with the store comparison; out of balance: 1.
        try (TransactionStore store = TransactionStore.open(
                StoreConfig.embedded(data.resolve("store")), Clock.systemUTC())) {
            long[] ours = {1, 660_000, 0, 0, 0, 0, 0, 0};
            store.clearing().recordReconExchange(new ReconExchangeRow(UUID.randomUUID(),
                    "shetab", DATE, Instant.parse("2026-11-20T21:00:00Z"), "OUT_OF_BALANCE",
                    364, ours, new long[8], 1, "cleared, not booked by shetab: PRESENTMENT "
                            + purchase));
        }
        assertThat(run("recon", "--date", DATE.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("reconciliation messages 2026-11-20T21:00:00Z:"
                + " OUT_OF_BALANCE; net ours 660,000, shetab's 0 IRR")
                .contains("DIFFERENCE (scheme): cleared, not booked by shetab: PRESENTMENT "
                        + purchase)
                .contains("NOT RECONCILED");

        assertThat(run("dispute", "chargeback", "--transaction", purchase.toString(),
                "--reason", "4837", "--amount", "50000")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("CHARGEBACK " + purchase + " reason 4837");
        assertThat(run("dispute", "list", "--transaction", purchase.toString())).isZero();
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(run("cutover", "--show")).isZero();
        assertThat(out.toString()).contains("mir      business date ");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        assertOneLine(run("clear", "--date", "20-11-2026"),
                "caspian: --date: '20-11-2026' is not a date like 2026-11-25");
        assertOneLine(run("clear", "--date", "2099-01-01"), "caspian: business date "
                + "2099-01-01 is still open for mir");
        assertOneLine(run("clear", "--date", DATE.toString(), "--scheme", "visa"),
                "caspian: unknown scheme 'visa' (known: mir, shetab)");
        assertOneLine(run("recon", "--date", DATE.toString()),
                "caspian: no clearing file of mir for 2026-11-20");
        assertOneLine(run("dispute", "chargeback", "--transaction", "nope", "--reason",
                "4837"), "caspian: --transaction: 'nope' is not a UUID");
        assertOneLine(run("dispute", "chargeback", "--transaction", purchase.toString(),
                "--reason", "4837"), "caspian: transaction " + purchase + " is not a cleared");
        assertOneLine(run("dispute", "refund", "--transaction", purchase.toString()),
                "caspian: STAGE must be chargeback");
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = CaspianCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertOneLine(cl.execute("clear", "--date", DATE.toString(), "--data",
                data.resolve("none").toString()), "caspian: no demo store under");
    }

    private void assertOneLine(int code, String start) {
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).startsWith(start);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }
}
