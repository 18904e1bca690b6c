package io.caspian.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.store.TransactionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClearingServiceTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theDaysFileMatchesTheGoldenFileAndARerunIsIdentical(String database)
            throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            new GoldenHistory(new History(db.store));
            ClearingService clearing = service(db, clock);
            for (String scheme : List.of("mir", "shetab")) {
                ClearingFile file = clearing.clear(scheme, GoldenHistory.DATE);
                byte[] written = Files.readAllBytes(file.path());
                Path golden = GOLDEN.resolve(file.path().getFileName());
                if (Boolean.getBoolean("caspian.golden.update")) {
                    Files.createDirectories(GOLDEN);
                    Files.write(golden, written);
                }
                assertThat(new String(written, StandardCharsets.UTF_8))
                        .isEqualTo(Files.readString(golden));
                assertThat(file.rerun()).isFalse();
                assertThat(Files.readString(FileWriting.digestPath(file.path())))
                        .isEqualTo(file.sha256() + "  " + file.path().getFileName() + "\n");
                assertThat(file.sha256()).isEqualTo(FileWriting.sha256(written));

                clock.advance(java.time.Duration.ofHours(3));
                Files.delete(file.path());
                ClearingFile again = clearing.clear(scheme, GoldenHistory.DATE);
                assertThat(again.rerun()).isTrue();
                assertThat(again.sha256()).isEqualTo(file.sha256());
                assertThat(Files.readAllBytes(again.path())).isEqualTo(written);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLateApprovalGoesIntoTheNextDatesFileAndTheSentFileStays(String database)
            throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            History h = new History(db.store);
            GoldenHistory day = new GoldenHistory(h);
            ClearingService clearing = service(db, clock);
            ClearingFile first = clearing.clear("mir", GoldenHistory.DATE);
            h.move(day.inFlight, TransactionState.SENT, TransactionState.APPROVED,
                    GoldenHistory.CLEARED_AT.plusSeconds(1));
            var lateReversal = h.reversal(day.shetabGrocery, 5_000_000,
                    GoldenHistory.CLEARED_AT.plusSeconds(2), GoldenHistory.DATE.plusDays(1),
                    TransactionState.REVERSAL_PENDING);

            assertThat(clearing.clear("mir", GoldenHistory.DATE).sha256())
                    .isEqualTo(first.sha256());
            clock.set(GoldenHistory.CLEARED_AT.plus(java.time.Duration.ofDays(1)));
            ClearingFile next = clearing.clear("mir", GoldenHistory.DATE.plusDays(1));
            List<ClearingEntry> entries = clearing.entriesOf("mir",
                    GoldenHistory.DATE.plusDays(1));
            assertThat(entries).extracting(ClearingEntry::itemId)
                    .containsExactly(day.inFlight.id(), lateReversal.id());
            assertThat(next.lateRecords()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoRunsRacingRecordOneFileAndBothReturnIt(String database) throws Exception {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            new GoldenHistory(new History(db.store));
            ClearingService one = service(db, clock);
            ClearingService two = service(db, clock);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> one.clear("mir", GoldenHistory.DATE));
                var b = pool.submit(() -> two.clear("mir", GoldenHistory.DATE));
                ClearingFile fa = a.get();
                ClearingFile fb = b.get();
                assertThat(fa.sha256()).isEqualTo(fb.sha256());
                assertThat(List.of(fa.rerun(), fb.rerun())).contains(false);
                assertThat(FileWriting.sha256(Files.readAllBytes(fa.path())))
                        .isEqualTo(fa.sha256());
                try (var files = Files.list(fa.path().getParent())) {
                    assertThat(files.map(p -> p.getFileName().toString()))
                            .containsExactlyInAnyOrder("caspian-mir-20261124.clr",
                                    "caspian-mir-20261124.clr.sha256");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void anOpenDateIsNotCleared(String database) throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.T);
        try (TestStore db = TestStore.of(database, clock)) {
            ClearingService clearing = service(db, clock);
            assertThatThrownBy(() -> clearing.clear("mir", GoldenHistory.DATE))
                    .isInstanceOf(ClearingException.class)
                    .hasMessageContaining("still open").hasMessageContaining("cut over");
            assertThatThrownBy(() -> clearing.clear("visa", GoldenHistory.DATE))
                    .hasMessage("unknown scheme 'visa' (known: mir, shetab)");
        }
    }

    /**
     * A new store's first dates close nothing: nothing to clear for the day before. The next
     * scheduled cut-over moves the scheme, and its closed date is to be cleared.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNewStoresFirstDatesCloseNothingAndTheNextCutOverMovesTheScheme(String database)
            throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            ClearingSettings settings = Fixtures.settings(db.directory.resolve("out"));
            BusinessDates dates = new BusinessDates(db.store, settings.schemes(), clock);
            assertThat(dates.openScheduled()).isEmpty();
            assertThat(dates.history("mir")).hasSize(1);
            assertThat(dates.openScheduled()).isEmpty();
            clock.advance(java.time.Duration.ofDays(1));
            assertThat(dates.openScheduled()).containsExactlyInAnyOrder("mir", "shetab");
            assertThat(dates.history("mir")).hasSize(2);
        }
    }

    static ClearingService service(TestStore db, MutableClock clock) {
        ClearingSettings settings = Fixtures.settings(db.directory.resolve("out"));
        return new ClearingService(db.store, settings,
                new BusinessDates(db.store, settings.schemes(), clock), clock);
    }
}
