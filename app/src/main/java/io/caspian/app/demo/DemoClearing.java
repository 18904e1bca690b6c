package io.caspian.app.demo;

import io.caspian.app.clearing.ClearingSetup;
import io.caspian.app.clearing.PrefundFeed;
import io.caspian.app.clearing.ReconMessaging;
import io.caspian.app.config.CaspianConfig;
import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import io.caspian.app.wiring.SwitchNode;
import io.caspian.clearing.BusinessDates;
import io.caspian.clearing.ClearingEntry;
import io.caspian.clearing.ClearingFile;
import io.caspian.clearing.ClearingService;
import io.caspian.clearing.ClearingSettings;
import io.caspian.clearing.ReconExchange;
import io.caspian.clearing.SchemeBooking;
import io.caspian.clearing.SettlementReport;
import io.caspian.clearing.SettlementService;
import io.caspian.sim.issuer.EntryKind;
import io.caspian.sim.issuer.IssuerHost;
import io.caspian.sim.issuer.LedgerEntry;
import io.caspian.store.ReconExchangeRow;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The demo's business day end: cut over both schemes, clear and settle every business date
 * the run touched, and check that clearing agrees with the issuers' ledgers and the
 * acquirers' own counts to the minor unit, that the reconciliation messages with each
 * scheme find it in balance, and that settlement nets to zero.
 */
final class DemoClearing {
    final ClearingSettings settings;
    final BusinessDates dates;
    private final TransactionStore store;

    DemoClearing(Simulation world, TransactionStore store)
            throws IOException, ConfigException {
        String yaml = world.configYaml();
        CaspianConfig c = ConfigLoader.parse(yaml, "demo/caspian-demo.yaml");
        Settings s = Settings.of(c, "demo/caspian-demo.yaml");
        this.settings = ClearingSetup.of(c, s, "demo/caspian-demo.yaml",
                world.data.resolve("clearing"));
        this.store = store;
        this.dates = new BusinessDates(store, settings.schemes(), Clock.systemUTC());
    }

    /** Business dates, cut-over and settlement for the demo's console. */
    io.caspian.console.ClearingPort consolePort() {
        return new io.caspian.app.clearing.ConsoleClearing(dates, store.clearing(),
                List.copyOf(settings.schemes().keySet()));
    }

    int run(PrintWriter out, List<TransactionRecord> rows, SchemeWorld mir,
            SchemeWorld shetab, SwitchNode node) {
        TreeSet<LocalDate> days = new TreeSet<>();
        rows.forEach(r -> days.add(r.businessDate()));
        out.println();
        out.println("clearing and settlement (business day end)");
        for (String scheme : settings.schemes().keySet()) {
            LocalDate open = dates.cutOver(scheme, "demo", "end of the demo's business day");
            out.printf("  cut-over: %s closed %s, now in %s%n", scheme, open.minusDays(1), open);
        }
        Clock clock = Clock.systemUTC();
        ClearingService clearing = new ClearingService(store, settings, dates, clock);
        SettlementService settlement = new SettlementService(clearing, store,
                settings, clock);
        long[] issuerNet = new long[2];
        long[] acquirerNet = new long[2];
        boolean nets = true;
        boolean ok0;
        for (LocalDate day : days) {
            for (ClearingFile f : clearing.clearAll(day)) {
                out.printf("  %s  %d records  sha256 %s…%n", f.path(), f.recordCount(),
                        f.sha256().substring(0, 16));
            }
            for (ClearingEntry e : clearing.entriesOf("mir", day)) {
                if (e.kind().isDispute()) {
                    continue;
                }
                int dir = e.acquirer().equals("mir") ? 0 : 1;
                issuerNet[dir] += e.sign() * e.issuerAmount().minor();
                acquirerNet[dir] += e.sign() * e.acquirerAmount().minor();
            }
            SettlementReport r = settlement.settle(day);
            nets &= r.netsToZero();
            out.printf("  settlement %s: %d positions, %s; %s%n", day, r.positions().size(),
                    r.netsToZero() ? "nets to zero in every currency" : "DOES NOT NET",
                    r.html());
        }
        ok0 = days.isEmpty() || reconcile(out, days.last(), clearing, node, mir, shetab);
        long[] before = positions(node);
        PrefundFeed.apply(store.clearing(), node);
        long[] after = positions(node);
        out.printf("  prefunded positions after settlement (what the net debit cap sees):"
                + " mir %s -> %s RUB, shetab %s -> %s IRR%n", major(before[0], 2),
                major(after[0], 2), major(before[1], 0), major(after[1], 0));
        boolean ok = check(out, "shetab cards at mir terminals", issuerNet[0],
                shetab.simulator.issuer().ledger().netDebitsMinor(364), "IRR", acquirerNet[0],
                mir.simulator.acquirer().stats().netApprovedDebitsMinor(643), "RUB");
        ok &= check(out, "mir cards at shetab terminals", issuerNet[1],
                mir.simulator.issuer().ledger().netDebitsMinor(643), "RUB", acquirerNet[1],
                shetab.simulator.acquirer().stats().netApprovedDebitsMinor(364), "IRR");
        ok &= nets && ok0;
        out.println(ok ? "CLEARED: clearing files agree with issuers and acquirers to the minor"
                + " unit; settlement nets to zero" : "NOT CLEARED: see the lines marked MISMATCH");
        out.flush();
        return ok ? 0 : 1;
    }

    /**
     * The reconciliation messages of the closed date with each scheme's issuer host: one
     * line per scheme, and the difference report's lines when out of balance.
     */
    private boolean reconcile(PrintWriter out, LocalDate day, ClearingService clearing,
            SwitchNode node, SchemeWorld mir, SchemeWorld shetab) {
        ReconMessaging messaging = new ReconMessaging(node, new ReconExchange(store,
                clearing, settings, Clock.systemUTC()), 10_000);
        boolean ok = true;
        for (SchemeWorld w : List.of(mir, shetab)) {
            String scheme = w.id;
            ReconExchangeRow r = messaging.exchange(scheme, day,
                    () -> bookingsOf(w.simulator.issuer()));
            int exponent = w.simulator.issuer().settings().currency().exponent();
            String alpha = w.simulator.issuer().settings().currency().alpha();
            long[] o = r.ours();
            out.printf("  reconciliation %s %s (%s): %s — %d debits %s, %d reversed %s,"
                    + " %d credits %s %s%n", scheme, day, scheme.equals("mir")
                            ? "0500/0510" : "2520/2530", r.outcome().replace('_', ' ')
                            .toLowerCase(java.util.Locale.ROOT), o[0], major(o[1], exponent),
                    o[2], major(o[3], exponent), o[4], major(o[5], exponent), alpha);
            for (String d : r.differences().isEmpty() ? List.<String>of()
                    : List.of(r.differences().split("\n"))) {
                out.printf("    DIFFERENCE %s%n", d);
            }
            ok &= ReconExchange.IN_BALANCE.equals(r.outcome());
        }
        return ok;
    }

    /** An issuer simulator's open bookings, as its back office would list them. */
    static List<SchemeBooking> bookingsOf(IssuerHost host) {
        List<SchemeBooking> out = new ArrayList<>();
        for (LedgerEntry e : host.openBookings()) {
            boolean reversal = e.kind() == EntryKind.DEBIT_REVERSAL
                    || e.kind() == EntryKind.CREDIT_REVERSAL;
            boolean debit = e.kind() == EntryKind.DEBIT
                    || e.kind() == EntryKind.DEBIT_REVERSAL;
            out.add(new SchemeBooking(e.rrn(), e.key().stan(), reversal, debit,
                    e.amountMinor()));
        }
        return out;
    }

    private static long[] positions(SwitchNode node) {
        long[] p = new long[2];
        node.thread().runAndWait(() -> {
            p[0] = node.engine().positions().position("mir");
            p[1] = node.engine().positions().position("shetab");
        });
        return p;
    }

    private static String major(long minor, int exponent) {
        return new java.text.DecimalFormat(exponent == 0 ? "#,##0" : "#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(java.math.BigDecimal.valueOf(minor, exponent));
    }

    private static boolean check(PrintWriter out, String what, long cleared, long ledger,
            String issCcy, long clearedAcq, long seen, String acqCcy) {
        boolean ok = cleared == ledger && clearedAcq == seen;
        out.printf("  %s: cleared %,d %s, issuer ledger %,d %s; cleared %,d %s, acquirer"
                + " saw %,d %s   %s%n", what, cleared, issCcy, ledger, issCcy, clearedAcq,
                acqCcy, seen, acqCcy, ok ? "ok" : "MISMATCH");
        return ok;
    }
}
