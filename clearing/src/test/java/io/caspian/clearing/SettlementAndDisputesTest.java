package io.caspian.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.store.ClearingRows.DisputeRow;
import io.caspian.store.ClearingRows.PositionRow;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettlementAndDisputesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void settlementNetsToZeroPerCurrencyAndCreditsThePrefundedPositions(String database)
            throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            GoldenHistory day = new GoldenHistory(new History(db.store));
            ClearingSettings settings = Fixtures.settings(db.directory.resolve("out"));
            BusinessDates dates = new BusinessDates(db.store, settings.schemes(), clock);
            ClearingService clearing = new ClearingService(db.store, settings, dates, clock);
            SettlementService settlement = new SettlementService(clearing, db.store,
                    settings, clock);

            SettlementReport report = settlement.settle(GoldenHistory.DATE);

            assertThat(report.netsToZero()).isTrue();
            assertThat(report.netPerCurrency()).containsOnlyKeys(364, 643);
            // mir acquired a 1234.56 purchase less 234.56 reversed, and a cash withdrawal
            // reversed in full (+1,000.00 RUB); its cardholders bought 11,250.00 and
            // 1,687.50 and were refunded 450.00 at shetab terminals.
            PositionRow mirRub = position(report, "mir", 643);
            assertThat(mirRub.transactionsMinor())
                    .isEqualTo(100_000 - 1_125_000 - 168_750 + 45_000);
            assertThat(mirRub.interchangeMinor()).isEqualTo(-(1_735 - 235));
            assertThat(position(report, "shetab", 364).transactionsMinor())
                    .isEqualTo(-(543_206 - 103_206) + 5_000_000 - 200_000 + 750_000);
            assertThat(report.prefundCredits()).extracting(c -> c.scheme() + "=" + c.amountMinor())
                    .containsExactly("mir=" + (1_125_000 + 168_750),
                            "shetab=" + (543_206 - 103_206));
            assertThat(Files.readString(report.csv())).startsWith("business_date,participant")
                    .contains("2026-11-24,TOTAL,RUB,,,,,0,");
            assertThat(Files.readString(report.html())).contains("nets to zero")
                    .doesNotContain("DOES NOT NET");

            SettlementReport again = settlement.settle(GoldenHistory.DATE);
            assertThat(again.rerun()).isTrue();
            assertThat(again.positions()).isEqualTo(report.positions());
            assertThat(db.store.clearing().unappliedPrefundCredits()).hasSize(2);
            assertThat(day.mirPurchase).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void disputesRunInOrderWithinTheirDeadlinesAndFlowIntoTheNextFile(String database)
            throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            GoldenHistory day = new GoldenHistory(new History(db.store));
            ClearingSettings settings = Fixtures.settings(db.directory.resolve("out"));
            BusinessDates dates = new BusinessDates(db.store, settings.schemes(), clock);
            ClearingService clearing = new ClearingService(db.store, settings, dates, clock);
            Disputes disputes = new Disputes(db.store, settings, dates, clock);
            var id = day.shetabGrocery.id();

            assertThatThrownBy(() -> disputes.raise(id, EntryKind.CHARGEBACK, "4853", null,
                    "ops", "")).hasMessageContaining("not a cleared approval");
            clearing.clearAll(GoldenHistory.DATE);
            assertThatThrownBy(() -> disputes.raise(id, EntryKind.REPRESENTMENT, "2700", null,
                    "ops", "")).hasMessage("a REPRESENTMENT needs a CHARGEBACK first");
            assertThatThrownBy(() -> disputes.raise(id, EntryKind.CHARGEBACK, "2700", null,
                    "ops", "")).hasMessageStartingWith("reason code '2700' is not one for a");

            DisputeRow chargeback = disputes.raise(id, EntryKind.CHARGEBACK, "4853", 1_000_000L,
                    "ops", "goods not received");
            assertThat(chargeback.issuerAmount().minor()).isEqualTo(225_000);
            assertThat(chargeback.respondBy()).isEqualTo(LocalDate.of(2026, 11, 25)
                    .plusDays(45));
            assertThatThrownBy(() -> disputes.raise(id, EntryKind.CHARGEBACK, "4853", null,
                    "ops", "")).hasMessageContaining("was raised before");
            assertThatThrownBy(() -> disputes.raise(id, EntryKind.REPRESENTMENT, "2700",
                    2_000_000L, "ops", "")).hasMessageContaining("amount must be 1..1000000");

            clock.advance(Duration.ofDays(1));
            List<ClearingFile> files = clearing.clearAll(GoldenHistory.DATE.plusDays(1));
            assertThat(files).allMatch(f -> f.recordCount() == 1);
            ClearingEntry cb = clearing.entriesOf("mir", GoldenHistory.DATE.plusDays(1)).get(0);
            assertThat(cb.kind()).isEqualTo(EntryKind.CHARGEBACK);
            assertThat(cb.sign()).isEqualTo(-1);
            assertThat(cb.reasonCode()).isEqualTo("4853");

            clock.advance(Duration.ofDays(46));
            assertThatThrownBy(() -> disputes.raise(id, EntryKind.REPRESENTMENT, "2700", null,
                    "ops", "")).hasMessageContaining("was due by 2027-01-09");
            assertThat(disputes.of(id)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void aCutOverOpensTheNextDateEarlyAndTheScheduleNeverGoesBack(String database)
            throws IOException {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-24T12:00:00Z"));
        try (TestStore db = TestStore.of(database, clock)) {
            var schemes = new java.util.HashMap<>(Fixtures.schemes());
            schemes.put("shetab", new SchemeCalendar("shetab", java.time.ZoneId.of("Asia/Tehran"),
                    java.time.LocalTime.of(18, 0), 364, "IRR", 0));
            BusinessDates dates = new BusinessDates(db.store, Map.copyOf(schemes), clock);
            // 12:00Z is 15:30 in Tehran, before its 18:00 cut-over; 18:00 there is 14:30Z.
            assertThat(dates.current("shetab")).isEqualTo(GoldenHistory.DATE);
            assertThat(dates.businessDate("shetab",
                    java.time.Instant.parse("2026-11-24T14:30:00Z")))
                    .isEqualTo(GoldenHistory.DATE.plusDays(1));
            assertThat(dates.current("mir")).isEqualTo(GoldenHistory.DATE);

            assertThat(dates.cutOver("mir", "ops", "test")).isEqualTo(
                    GoldenHistory.DATE.plusDays(1));
            assertThat(dates.businessDate("mir", clock.instant()))
                    .isEqualTo(GoldenHistory.DATE.plusDays(1));
            clock.set(java.time.Instant.parse("2026-11-24T22:00:00Z"));
            assertThat(dates.current("mir")).isEqualTo(GoldenHistory.DATE.plusDays(1));
            assertThat(dates.history("mir")).hasSize(1);
            assertThat(db.store.auditTrail(java.time.Instant.EPOCH, clock.instant()))
                    .extracting(a -> a.action()).containsExactly("CUT_OVER");

            // Shetab's own cut-over message (0800, DE 70 = 201): the next date at once.
            LocalDate shetab = dates.businessDate("shetab", clock.instant());
            assertThat(dates.announceCutOver("shetab", clock.instant()))
                    .isEqualTo(shetab.plusDays(1));
            assertThat(dates.businessDate("shetab", clock.instant()))
                    .isEqualTo(shetab.plusDays(1));
            // The committer keeps submission order: once this is durable, so is the cut-over.
            db.store.submit(new io.caspian.store.StoreWrite.Audit(new io.caspian.store
                    .AuditEntry(java.util.UUID.randomUUID(), clock.instant(), "test",
                            "BARRIER", "test", "after the cut-over"))).join();
            assertThat(dates.history("shetab")).first()
                    .extracting(r -> r.businessDate()).isEqualTo(shetab.plusDays(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void inOneSettlementCurrencyCaspianBalancesAndTheTotalIsZero(String database)
            throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            new GoldenHistory(new History(db.store));
            ClearingSettings own = Fixtures.settings(db.directory.resolve("out"));
            ClearingSettings settings = new ClearingSettings(own.schemes(),
                    own.outputDirectory(), own.fees(), new ClearingSettings.Settlement(840,
                            "USD", 2, Map.of(643, new java.math.BigDecimal("0.0125"),
                                    364, new java.math.BigDecimal("0.0000238"))),
                    own.disputes());
            BusinessDates dates = new BusinessDates(db.store, settings.schemes(), clock);
            SettlementReport r = new SettlementService(new ClearingService(db.store, settings,
                    dates, clock), db.store, settings, clock)
                    .settle(GoldenHistory.DATE);

            assertThat(r.netPerCurrency()).containsExactly(Map.entry(840, 0L));
            assertThat(r.positions()).extracting(PositionRow::participant)
                    .containsExactly("caspian", "mir", "shetab");
            // mir: 1,000.00 - 11,250.00 - 1,687.50 + 450.00 RUB of transactions at 0.0125
            // USD/RUB = -143.59375, half up -143.59 USD; its fees: -15.00 RUB interchange
            // and -1.00 RUB switch fee (-0.1875 and -0.0125: -0.19 and -0.01 USD), plus
            // 68,000 IRR of interchange received as issuer (1.6184: 1.62 USD).
            PositionRow mir = position(r, "mir", 840);
            assertThat(mir.transactionsMinor()).isEqualTo(-14_359);
            assertThat(mir.interchangeMinor()).isEqualTo(-19 + 162);
            assertThat(mir.switchFeeMinor()).isEqualTo(-1);
            assertThat(Files.readString(r.csv())).contains(",caspian,USD,2,");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres"})
    void aRepresentmentAndASecondChargebackFlowIntoTheFollowingFiles(String database)
            throws IOException {
        MutableClock clock = new MutableClock(GoldenHistory.CLEARED_AT);
        try (TestStore db = TestStore.of(database, clock)) {
            GoldenHistory day = new GoldenHistory(new History(db.store));
            ClearingSettings settings = Fixtures.settings(db.directory.resolve("out"));
            BusinessDates dates = new BusinessDates(db.store, settings.schemes(), clock);
            ClearingService clearing = new ClearingService(db.store, settings, dates, clock);
            SettlementService settlement = new SettlementService(clearing, db.store,
                    settings, clock);
            Disputes disputes = new Disputes(db.store, settings, dates, clock);
            var id = day.mirPurchase.id();
            settlement.settle(GoldenHistory.DATE);
            List<EntryKind> stages = List.of(EntryKind.CHARGEBACK, EntryKind.REPRESENTMENT,
                    EntryKind.SECOND_CHARGEBACK);
            List<String> reasons = List.of("4837", "2700", "4837");
            for (int i = 0; i < 3; i++) {
                disputes.raise(id, stages.get(i), reasons.get(i), null, "ops", "");
                clock.advance(Duration.ofDays(1));
                LocalDate date = GoldenHistory.DATE.plusDays(i + 1);
                SettlementReport r = settlement.settle(date);
                ClearingEntry e = clearing.entriesOf("shetab", date).get(0);
                assertThat(e.kind()).isEqualTo(stages.get(i));
                assertThat(e.sign()).isEqualTo(i == 1 ? 1 : -1);
                assertThat(e.issuerAmount().minor()).isEqualTo(543_206);
                assertThat(r.netsToZero()).isTrue();
                // The issuer (shetab) gets the purchase back on a chargeback, pays it again
                // on the representment.
                assertThat(position(r, "shetab", 364).transactionsMinor())
                        .isEqualTo(i == 1 ? -543_206 : 543_206);
            }
            assertThat(disputes.of(id)).extracting(DisputeRow::stage)
                    .containsExactly("CHARGEBACK", "REPRESENTMENT", "SECOND_CHARGEBACK");
        }
    }

    private static PositionRow position(SettlementReport r, String participant, int currency) {
        return r.positions().stream().filter(p -> p.participant().equals(participant)
                && p.currency() == currency).findFirst().orElseThrow();
    }
}
