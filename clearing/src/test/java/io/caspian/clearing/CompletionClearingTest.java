package io.caspian.clearing;

import static io.caspian.clearing.ClearingInvariantsTest.DAY0;
import static io.caspian.clearing.ClearingInvariantsTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.store.ClearingRows.PrefundCredit;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Completion advices in clearing (docs/clearing.md, "Completions"): an authorization clears
 * at its authorized amount and an {@code ADJUSTMENT} record of the difference takes it to
 * its completion's final amount, in the same file when the completion came the same date,
 * in the next date's file when the authorization's file was already sent; fees, settlement,
 * prefund credits and the reconciliation totals follow the final amount.
 */
class CompletionClearingTest {
    private static final LocalDate DAY1 = DAY0.plusDays(1);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAuthorizationClearsAtItsCompletionsFinalAmount(String database) throws IOException {
        MutableClock clock = new MutableClock(at(0, 8));
        try (TestStore db = TestStore.of(database, clock)) {
            History h = new History(db.store);
            ClearingSettings settings = Fixtures.settings(db.directory.resolve("out"));
            BusinessDates dates = new BusinessDates(db.store, settings.schemes(), clock);
            ClearingService clearing = new ClearingService(db.store, settings, dates, clock);
            SettlementService settlement = new SettlementService(clearing, db.store, settings,
                    clock);
            ReconExchange recon = new ReconExchange(db.store, clearing, settings, clock);

            // Day 0, Shetab cards at Mir terminals (RUB kopecks; 440 IRR per RUB).
            TransactionRecord less = auth(h, 100_000);
            TransactionRecord more = auth(h, 50_000);
            TransactionRecord lateLess = auth(h, 200_000);
            TransactionRecord same = auth(h, 30_000);
            TransactionRecord sameDay = h.completion(less, 80_000, clock.instant(), DAY0,
                    TransactionState.ADVICE_PENDING);
            h.completion(same, 30_000, clock.instant(), DAY0, TransactionState.ADVICE_PENDING);

            clock.set(at(0, 23));
            ClearingFile first = clearing.clear("mir", DAY0);
            List<ClearingEntry> day0 = clearing.entriesOf("mir", DAY0);
            assertThat(day0).extracting(ClearingEntry::kind).containsExactly(
                    EntryKind.PRESENTMENT, EntryKind.PRESENTMENT, EntryKind.PRESENTMENT,
                    EntryKind.PRESENTMENT, EntryKind.ADJUSTMENT);
            ClearingEntry presentment = day0.get(0);
            ClearingEntry adjustment = day0.get(4);
            assertThat(presentment.acquirerAmount().minor()).isEqualTo(100_000);
            assertThat(adjustment.itemId()).isEqualTo(sameDay.id());
            assertThat(adjustment.originalId()).isEqualTo(less.id());
            assertThat(adjustment.sign()).isEqualTo(-1);
            assertThat(adjustment.acquirerAmount().minor()).isEqualTo(20_000);
            assertThat(adjustment.issuerAmount().minor()).isEqualTo(88_000);
            // Together they pay exactly the fees of the final amount.
            FeeSchedule fees = Fixtures.fees();
            assertThat(presentment.interchangeMinor() + adjustment.interchangeMinor())
                    .isEqualTo(fees.interchange("mir", TransactionKind.PURCHASE, "5411", DAY0,
                            80_000)).isEqualTo(1_300);
            assertThat(presentment.switchFeeMinor() + adjustment.switchFeeMinor())
                    .isEqualTo(fees.switchFee("mir", DAY0, 80_000)).isEqualTo(80);
            String line = Files.readAllLines(first.path(), StandardCharsets.UTF_8).get(5);
            assertThat(line).startsWith("D|5|ADJUSTMENT|ACQ|" + sameDay.id() + "|" + less.id()
                    + "|2026-11-20|mir|shetab|").contains("|C|20000|643|2|88000|364|0|");
            SettlementReport report0 = settlement.settle(DAY0);
            assertThat(report0.netsToZero()).isTrue();
            assertThat(report0.prefundCredits()).extracting(PrefundCredit::amountMinor)
                    .containsExactly(352_000L + 220_000 + 880_000 + 132_000);
            // Shetab's issuer booked the completion for less as a partial reversal.
            assertThat(recon.totalsOf("shetab", DAY0).toArray()).containsExactly(4,
                    440_000 + 220_000 + 880_000 + 132_000, 1, 88_000, 0, 0, 0, 0);

            // Day 1: two completions of day 0's authorizations, after their file was sent.
            clock.set(at(1, 8));
            TransactionRecord up = h.completion(more, 60_000, clock.instant(), DAY1,
                    TransactionState.ADVISED);
            TransactionRecord down = h.completion(lateLess, 150_000, clock.instant(), DAY1,
                    TransactionState.ADVICE_PENDING);
            h.completion(lateLess, 10_000, clock.instant(), DAY1, TransactionState.DECLINED);
            clock.set(at(1, 23));
            assertThat(clearing.clear("mir", DAY0).sha256()).isEqualTo(first.sha256());
            clearing.clear("mir", DAY1);
            List<ClearingEntry> day1 = clearing.entriesOf("mir", DAY1);
            assertThat(day1).extracting(ClearingEntry::itemId)
                    .containsExactly(up.id(), down.id());
            assertThat(day1).extracting(ClearingEntry::kind)
                    .containsOnly(EntryKind.ADJUSTMENT);
            assertThat(day1).extracting(e -> e.sign() * e.acquirerAmount().minor())
                    .containsExactly(10_000L, -50_000L);
            assertThat(day1).extracting(ClearingEntry::transactionDate).containsOnly(DAY1);
            assertThat(day1.get(1).interchangeMinor()).isEqualTo(
                    fees.interchange("mir", TransactionKind.PURCHASE, "5411", DAY0, 150_000)
                            - fees.interchange("mir", TransactionKind.PURCHASE, "5411", DAY0,
                                    200_000)).isEqualTo(-500);
            SettlementReport report1 = settlement.settle(DAY1);
            assertThat(report1.netsToZero()).isTrue();
            // The switch released 220,000 IRR and took 44,000 more in real time on day 1.
            assertThat(report1.prefundCredits()).extracting(PrefundCredit::amountMinor)
                    .containsExactly(44_000L - 220_000);
            assertThat(recon.totalsOf("shetab", DAY1).toArray())
                    .containsExactly(1, 44_000, 1, 220_000, 0, 0, 0, 0);

            Reconciler reconciler = new Reconciler(db.store, clearing, settings);
            assertThat(reconciler.reconcile(DAY0).reconciled()).isTrue();
            assertThat(reconciler.reconcile(DAY1).reconciled()).isTrue();
        }
    }

    private static TransactionRecord auth(History h, long kopecks) {
        return h.request("0100", "mir", "000000", "5411", kopecks, at(0, 8), DAY0,
                TransactionState.APPROVED, false);
    }
}
