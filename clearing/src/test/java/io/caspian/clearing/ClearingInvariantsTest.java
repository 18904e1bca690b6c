package io.caspian.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.store.ClearingRows.PrefundCredit;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * DESIGN.md I3 and I4 over random business days: approvals, declines, stand-ins, requests
 * in flight at cut-over and approved after it, full and partial reversals (some a day late,
 * across the cut-over), completion advices of authorizations for less, the same or more than
 * authorized (some a day late, after the authorization's file was sent; some not accepted),
 * balance inquiries, refunds and chargebacks. Every day is cut over, cleared and settled;
 * then:
 *
 * <ul>
 *   <li>I3: every approval given is a presentment exactly once in each scheme's files; every
 *       reversal that clears cancels one presentment cleared no later; every accepted
 *       completion for another amount adjusts one presentment cleared no later, once; no
 *       item clears twice;
 *   <li>I4: per direction, the cleared net (issuer side and acquirer side) equals approvals
 *       adjusted to their completions' final amounts, less reversals less chargebacks as the
 *       history made them; every day's settlement nets to zero per currency; prefund
 *       credits add up to what was reserved in real time (debits at their final amounts
 *       less their reversals);
 *   <li>every file, cleared again, is the same bytes.
 * </ul>
 */
class ClearingInvariantsTest {
    static final LocalDate DAY0 = LocalDate.of(2026, 11, 20);
    static final int DAYS = 4;

    /** A request: acquired on {@code day} at a Mir or Shetab terminal, ending in {@code fate}. */
    record Request(int day, boolean mirAcquires, String processingCode, long amount,
            Fate fate, boolean authorization) {
    }

    /**
     * A completion advice of request {@code target} (mod count; only an approved 0100 is
     * completed) for {@code percent}% of it, a day late or not, accepted by the switch or not.
     */
    record Completion(int target, int percent, boolean nextDay, boolean accepted) {
    }

    /** A reversal of request {@code target} (mod count) for {@code percent}%, a day late or not. */
    record Reversal(int target, int percent, boolean nextDay) {
    }

    /** A chargeback of request {@code target} for {@code percent}%, {@code daysLater} after it. */
    record Chargeback(int target, int percent, int daysLater) {
    }

    enum Fate {
        APPROVED, DECLINED, STOOD_IN, APPROVED_AFTER_CUT_OVER
    }

    record Script(List<Request> requests, List<Completion> completions,
            List<Reversal> reversals, List<Chargeback> chargebacks) {
    }

    @Provide
    Arbitrary<Script> days() {
        Arbitrary<Request> request = Combinators.combine(Arbitraries.integers().between(0,
                DAYS - 1), Arbitraries.of(true, false),
                Arbitraries.of("000000", "000000", "010000", "200000", "310000", "400000"),
                Arbitraries.longs().between(1, 50_000_000), Arbitraries.of(Fate.class),
                Arbitraries.of(true, false)).as(Request::new);
        Arbitrary<Completion> completion = Combinators.combine(
                Arbitraries.integers().between(0, 99), Arbitraries.oneOf(Arbitraries.just(100),
                        Arbitraries.integers().between(50, 99),
                        Arbitraries.integers().between(101, 150)),
                Arbitraries.of(true, false), Arbitraries.of(true, true, false))
                .as(Completion::new);
        Arbitrary<Reversal> reversal = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 100), Arbitraries.of(true, false))
                .as(Reversal::new);
        Arbitrary<Chargeback> chargeback = Combinators.combine(
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 100),
                Arbitraries.integers().between(1, 2)).as(Chargeback::new);
        return Combinators.combine(request.list().ofMinSize(1).ofMaxSize(20),
                completion.list().ofMaxSize(8), reversal.list().ofMaxSize(8),
                chargeback.list().ofMaxSize(4)).as(Script::new);
    }

    @Property(tries = 30)
    void h2(@ForAll("days") Script script) throws IOException {
        check(script, "h2");
    }

    @Property(tries = 8)
    void postgres(@ForAll("days") Script script) throws IOException {
        check(script, "postgres");
    }

    private void check(Script script, String database) throws IOException {
        MutableClock clock = new MutableClock(at(0, 8));
        try (TestStore db = TestStore.of(database, clock)) {
            new Run(db, clock, script).play().verify();
        }
    }

    static Instant at(int day, int hourUtc) {
        return DAY0.plusDays(day).atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
    }

    /** Plays a script day by day and keeps the model of what must clear. */
    private static final class Run {
        final TestStore db;
        final MutableClock clock;
        final Script script;
        final History history;
        final ClearingSettings settings;
        final BusinessDates dates;
        final ClearingService clearing;
        final SettlementService settlement;
        final Disputes disputes;
        final List<TransactionRecord> requests = new ArrayList<>();
        final Map<UUID, Fate> fates = new HashMap<>();
        final Set<UUID> reversed = new HashSet<>();
        final Set<UUID> completed = new HashSet<>();
        /** Expected cleared net per acquirer scheme, issuer side and acquirer side. */
        final Map<String, long[]> expected = new HashMap<>();
        /** What the switch reserved in real time per issuer scheme: debits less reversals. */
        final Map<String, Long> reserved = new HashMap<>();
        final Set<UUID> expectedPresentments = new HashSet<>();
        final Set<UUID> expectedReversals = new HashSet<>();
        final Set<UUID> expectedAdjustments = new HashSet<>();
        final List<SettlementReport> reports = new ArrayList<>();

        Run(TestStore db, MutableClock clock, Script script) {
            this.db = db;
            this.clock = clock;
            this.script = script;
            this.history = new History(db.store);
            this.settings = Fixtures.settings(db.directory.resolve("out"));
            this.dates = new BusinessDates(db.store, settings.schemes(), clock);
            this.clearing = new ClearingService(db.store, settings, dates, clock);
            this.settlement = new SettlementService(clearing, db.store, settings,
                    clock);
            this.disputes = new Disputes(db.store, settings, dates, clock);
            expected.put("mir", new long[2]);
            expected.put("shetab", new long[2]);
        }

        Run play() {
            for (int day = 0; day <= DAYS; day++) {
                clock.set(at(day, 8));
                LocalDate date = DAY0.plusDays(day);
                for (Request r : script.requests()) {
                    if (r.day() == day) {
                        request(r, date);
                    }
                }
                for (Completion k : script.completions()) {
                    complete(k, day, date);
                }
                for (Reversal v : script.reversals()) {
                    reverse(v, day, date);
                }
                for (Chargeback c : script.chargebacks()) {
                    chargeback(c, day);
                }
                // Cut-over by the schedule: 00:00 in Moscow and Tehran is before 23:00 UTC.
                clock.set(at(day, 23));
                clearing.clearAll(date);
                for (TransactionRecord t : requests) {
                    if (t.businessDate().equals(date)
                            && fates.get(t.id()) == Fate.APPROVED_AFTER_CUT_OVER) {
                        history.move(t, TransactionState.SENT, TransactionState.APPROVED,
                                clock.instant());
                    }
                }
                reports.add(settlement.settle(date));
            }
            return this;
        }

        private void request(Request r, LocalDate date) {
            String acquirer = r.mirAcquires() ? "mir" : "shetab";
            long amount = r.mirAcquires() ? r.amount() / 10 + 1 : r.amount();
            TransactionState state = switch (r.fate()) {
                case APPROVED -> TransactionState.APPROVED;
                case DECLINED -> TransactionState.DECLINED;
                case STOOD_IN -> TransactionState.ADVISED;
                case APPROVED_AFTER_CUT_OVER -> TransactionState.SENT;
            };
            TransactionRecord t = history.request(r.authorization() ? "0100" : "0200", acquirer,
                    r.processingCode(), "5411", amount, clock.instant(), date, state,
                    r.fate() == Fate.STOOD_IN);
            requests.add(t);
            fates.put(t.id(), r.fate());
            int sign = TransactionKind.of(r.processingCode()).sign();
            if (r.fate() != Fate.DECLINED && sign != 0) {
                expectedPresentments.add(t.id());
                long[] e = expected.get(acquirer);
                e[0] += sign * t.issuerAmount().minor();
                e[1] += sign * t.acquirerAmount().minor();
                if (sign > 0) {
                    reserved.merge(t.issuerScheme(), t.issuerAmount().minor(), Long::sum);
                }
            }
        }

        /**
         * The acquirer's completion of an approved authorization: its final amount replaces
         * the authorized one in what must clear and in what the switch holds reserved.
         */
        private void complete(Completion k, int day, LocalDate date) {
            if (requests.isEmpty()) {
                return;
            }
            TransactionRecord original = requests.get(k.target() % requests.size());
            int originalDay = (int) (original.businessDate().toEpochDay() - DAY0.toEpochDay());
            TransactionRecord now = db.store.findById(original.id()).orElseThrow();
            if (originalDay + (k.nextDay() ? 1 : 0) != day || !now.mti().equals("0100")
                    || !Entries.isPresentment(now) || !completed.add(now.id())) {
                return;
            }
            long authorized = now.acquirerAmount().minor();
            long finalMinor = Math.max(1, authorized * k.percent() / 100);
            TransactionRecord c = history.completion(now, finalMinor, clock.instant(), date,
                    k.accepted() ? TransactionState.ADVICE_PENDING : TransactionState.DECLINED);
            if (!k.accepted() || finalMinor == authorized) {
                return;
            }
            expectedAdjustments.add(c.id());
            int sign = TransactionKind.of(now.processingCode()).sign();
            long issuerDifference = c.issuerAmount().minor() - now.issuerAmount().minor();
            long[] e = expected.get(now.acquirerScheme());
            e[0] += sign * issuerDifference;
            e[1] += sign * (finalMinor - authorized);
            if (sign > 0) {
                reserved.merge(now.issuerScheme(), issuerDifference, Long::sum);
            }
        }

        private void reverse(Reversal v, int day, LocalDate date) {
            if (requests.isEmpty()) {
                return;
            }
            TransactionRecord original = requests.get(v.target() % requests.size());
            int originalDay = (int) (original.businessDate().toEpochDay() - DAY0.toEpochDay());
            if (originalDay + (v.nextDay() ? 1 : 0) != day || !reversed.add(original.id())) {
                return;
            }
            long amount = Math.max(1, original.acquirerAmount().minor() * v.percent() / 100);
            boolean approved = fates.get(original.id()) != Fate.DECLINED;
            TransactionRecord r = history.reversal(original, amount, clock.instant(), date,
                    approved ? TransactionState.REVERSAL_PENDING : TransactionState.DECLINED);
            int sign = TransactionKind.of(original.processingCode()).sign();
            if (approved && sign != 0) {
                expectedReversals.add(r.id());
                long[] e = expected.get(original.acquirerScheme());
                e[0] -= sign * r.issuerAmount().minor();
                e[1] -= sign * r.acquirerAmount().minor();
                if (sign > 0) {
                    reserved.merge(original.issuerScheme(), -r.issuerAmount().minor(),
                            Long::sum);
                }
            }
        }

        private void chargeback(Chargeback c, int day) {
            if (requests.isEmpty()) {
                return;
            }
            TransactionRecord original = requests.get(c.target() % requests.size());
            int originalDay = (int) (original.businessDate().toEpochDay() - DAY0.toEpochDay());
            TransactionRecord now = db.store.findById(original.id()).orElseThrow();
            if (originalDay + c.daysLater() != day || !Entries.isPresentment(now)
                    || db.store.clearing().item(now.acquirerScheme(), now.id()).isEmpty()
                    || !disputes.of(now.id()).isEmpty()) {
                return;
            }
            long amount = Math.max(1, now.acquirerAmount().minor() * c.percent() / 100);
            var row = disputes.raise(now.id(), EntryKind.CHARGEBACK, "4853", amount, "test",
                    "");
            int sign = TransactionKind.of(now.processingCode()).sign();
            long[] e = expected.get(now.acquirerScheme());
            e[0] -= sign * row.issuerAmount().minor();
            e[1] -= sign * row.amount().minor();
        }

        void verify() {
            for (String scheme : settings.schemes().keySet()) {
                verifyScheme(scheme);
            }
            Reconciler reconciler = new Reconciler(db.store, clearing, settings);
            for (int day = 0; day <= DAYS; day++) {
                ReconReport recon = reconciler.reconcile(DAY0.plusDays(day));
                assertThat(recon.reconciled()).as("reconciliation of day %d: %s", day, recon)
                        .isTrue();
            }
            Map<String, Long> credited = new HashMap<>();
            for (SettlementReport r : reports) {
                assertThat(r.netsToZero()).as("settlement of %s nets to zero",
                        r.businessDate()).isTrue();
                for (PrefundCredit c : r.prefundCredits()) {
                    credited.merge(c.scheme(), c.amountMinor(), Long::sum);
                }
            }
            // Settlement gives back what the switch reserved against each prefunded position.
            assertThat(credited.getOrDefault("shetab", 0L))
                    .isEqualTo(reserved.getOrDefault("shetab", 0L));
            assertThat(credited.getOrDefault("mir", 0L))
                    .isEqualTo(reserved.getOrDefault("mir", 0L));
        }

        private void verifyScheme(String scheme) {
            Set<UUID> items = new HashSet<>();
            Map<UUID, LocalDate> presented = new HashMap<>();
            Set<UUID> reversals = new HashSet<>();
            Set<UUID> adjustments = new HashSet<>();
            Map<String, long[]> net = Map.of("mir", new long[2], "shetab", new long[2]);
            for (int day = 0; day <= DAYS; day++) {
                LocalDate date = DAY0.plusDays(day);
                ClearingFile again = clearing.clear(scheme, date);
                assertThat(again.rerun()).isTrue();
                for (ClearingEntry e : clearing.entriesOf(scheme, date)) {
                    assertThat(items.add(e.itemId())).as("%s clears once", e.itemId()).isTrue();
                    switch (e.kind()) {
                        case PRESENTMENT -> presented.put(e.itemId(), date);
                        case REVERSAL -> {
                            assertThat(presented).as("reversal %s cancels a cleared original",
                                    e.itemId()).containsKey(e.originalId());
                            reversals.add(e.itemId());
                        }
                        case ADJUSTMENT -> {
                            assertThat(presented).as("adjustment %s of a cleared original",
                                    e.itemId()).containsKey(e.originalId());
                            adjustments.add(e.itemId());
                        }
                        default -> assertThat(presented).containsKey(e.originalId());
                    }
                    long[] n = net.get(e.acquirer());
                    n[0] += e.sign() * e.issuerAmount().minor();
                    n[1] += e.sign() * e.acquirerAmount().minor();
                }
            }
            assertThat(presented.keySet()).as("I3: every approval given clears, once, to %s",
                    scheme).isEqualTo(expectedPresentments);
            assertThat(reversals).isEqualTo(expectedReversals);
            assertThat(adjustments).as("every completion for another amount adjusts, once")
                    .isEqualTo(expectedAdjustments);
            for (String acquirer : List.of("mir", "shetab")) {
                assertThat(net.get(acquirer)).as("I4: %s-acquired net in %s's files", acquirer,
                        scheme).containsExactly(expected.get(acquirer));
            }
        }
    }
}
