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

import io.caspian.store.ReconExchangeRow;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code caspian run}'s end of day: when mir's schedule closes 2026-11-20, its clearing
 * file of that date is written and the date's totals go to the reconciliation exchange.
 */
class EndOfDayTest {
    static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    @TempDir
    Path data;
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

    @Test
    void aClosedDateIsClearedThenReconciled() throws Exception {
        List<String> reconciled = new ArrayList<>();
        Clock nextMorning = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"),
                java.time.ZoneOffset.UTC);
        try (ClearingRun run = ClearingRun.open(null, data)) {
            io.caspian.clearing.BusinessDates dates = new io.caspian.clearing.BusinessDates(
                    run.store, run.settings.schemes(), nextMorning);
            EndOfDay endOfDay = new EndOfDay(dates, new io.caspian.clearing.ClearingService(
                    run.store, run.settings, dates, nextMorning), (scheme, day) -> {
                        reconciled.add(scheme + " " + day);
                        return new ReconExchangeRow(UUID.randomUUID(), scheme, day,
                                nextMorning.instant(), "IN_BALANCE", 643, new long[8],
                                new long[8], 1, "");
                    });
            endOfDay.closed("mir");
        }
        assertThat(reconciled).containsExactly("mir 2026-11-20");
        assertThat(data.resolve("clearing/caspian-mir-20261120.clr")).exists();
        assertThat(Files.readString(data.resolve("clearing/caspian-mir-20261120.clr")))
                .contains(purchase.toString());
    }
}
