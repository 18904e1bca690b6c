package io.caspian.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.app.clearing.ReconMessaging;
import io.caspian.app.config.Settings;
import io.caspian.app.wiring.SwitchNode;
import io.caspian.clearing.ClearingService;
import io.caspian.clearing.ReconExchange;
import io.caspian.link.LinkRuntime;
import io.caspian.link.LinkState;
import io.caspian.sim.issuer.EntryKind;
import io.caspian.sim.issuer.IssuerHost;
import io.caspian.sim.issuer.LedgerEntry;
import io.caspian.store.AuditEntry;
import io.caspian.store.ReconExchangeRow;
import io.caspian.store.TransactionRecord;
import io.caspian.store.pan.HsmPanProtector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation messages at cut-over over real TCP on loopback, against the schemes'
 * issuer simulators:
 *
 * <pre>
 * traffic both ways ─► cut-over ─► clear
 * mir    0500 (clearing's totals) ─► 0510 DE 66=1 in balance, same totals
 * shetab loses one booking ─► 2520 ─► 2530 DE 66=2 out of balance, its own totals
 *        ─► difference report names the cleared transaction it did not book
 * </pre>
 */
class ReconMessagesIT {
    @TempDir
    Path dir;

    @Test
    void totalsThatAgreeAreInBalanceAndALostBookingIsNamed() throws Exception {
        try (LinkRuntime runtime = LinkRuntime.create(1);
                Simulation world = Simulation.start(dir.resolve("demo"), runtime, 20, 11)) {
            Settings settings = world.settings();
            Instant start = Instant.now();
            try (SwitchNode node = SwitchNode.start(settings, world.caspianHsm,
                    new HsmPanProtector(world.caspianHsm, "pan.data", "pan.lookup"), runtime,
                    Clock.systemUTC())) {
                awaitSignedOn(node);
                DemoClearing dayEnd = new DemoClearing(world, node.store());
                node.engine().useBusinessCalendar(dayEnd.dates::businessDate);
                Traffic traffic = new Traffic(world.mir, world.shetab, 25, 11);
                traffic.start();
                Thread.sleep(2_000);
                traffic.stop();
                drain(node, world);
                LocalDate day = null;
                for (String s : dayEnd.settings.schemes().keySet()) {
                    day = dayEnd.dates.cutOver(s, "test", "end of day").minusDays(1);
                }
                ClearingService clearing = new ClearingService(node.store(), dayEnd.settings,
                        dayEnd.dates, Clock.systemUTC());
                clearing.clearAll(day);
                ReconExchange exchange = new ReconExchange(node.store(), clearing,
                        dayEnd.settings, Clock.systemUTC());
                ReconMessaging messaging = new ReconMessaging(node, exchange, 10_000);

                IssuerHost mirIssuer = world.mir.simulator.issuer();
                ReconExchangeRow mir = messaging.exchange("mir", day,
                        () -> DemoClearing.bookingsOf(mirIssuer));
                assertThat(mir.outcome()).as(mir.differences())
                        .isEqualTo(ReconExchange.IN_BALANCE);
                assertThat(mir.ours()[0]).as("debits cleared").isPositive();
                assertThat(mir.theirs()).containsExactly(mir.ours());
                assertThat(mir.ours()[1] - mir.ours()[3] - mir.ours()[5] + mir.ours()[7])
                        .isEqualTo(mirIssuer.ledger().netDebitsMinor(643));

                IssuerHost shetabIssuer = world.shetab.simulator.issuer();
                LedgerEntry lost = shetabIssuer.openBookings().stream()
                        .filter(e -> e.kind() == EntryKind.DEBIT).findFirst().orElseThrow();
                shetabIssuer.loseBooking(lost.sequence());
                ReconExchangeRow shetab = messaging.exchange("shetab", day,
                        () -> DemoClearing.bookingsOf(shetabIssuer));
                assertThat(shetab.outcome()).isEqualTo(ReconExchange.OUT_OF_BALANCE);
                assertThat(shetab.theirs()[0]).isEqualTo(shetab.ours()[0] - 1);
                assertThat(shetab.theirs()[1]).isEqualTo(shetab.ours()[1] - lost.amountMinor());
                TransactionRecord missing = node.store().createdSince(start.minusSeconds(1))
                        .stream().filter(t -> t.issuerScheme().equals("shetab")
                                && t.originalId() == null && t.issuer() != null
                                && lost.rrn().equals(t.issuer().rrn()))
                        .findFirst().orElseThrow();
                List<String> lines = List.of(shetab.differences().split("\n"));
                assertThat(lines).filteredOn(l -> l.startsWith("cleared, not booked"))
                        .singleElement().asString().contains(missing.id().toString())
                        .contains("shetab").doesNotContainPattern("6[0-9]{15}");
                assertThat(lines).noneMatch(l -> l.startsWith("booked by"));

                // Recorded, latest first, and in the audit trail.
                assertThat(exchange.last("shetab", day).orElseThrow().outcome())
                        .isEqualTo(ReconExchange.OUT_OF_BALANCE);
                assertThat(exchange.last("mir", day).orElseThrow().theirs())
                        .containsExactly(mir.ours());
                assertThat(node.store().auditTrail(start, Instant.now().plusSeconds(1)))
                        .extracting(AuditEntry::action).contains("RECON_EXCHANGED");

                // With the link down the totals are not sent, and the record says so.
                world.shetab.simulator.stop();
                long deadline = System.currentTimeMillis() + 15_000;
                while (node.links().get("shetab").state() == LinkState.SIGNED_ON
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                ReconExchangeRow unsent = messaging.exchange("shetab", day, null);
                assertThat(unsent.outcome()).isEqualTo(ReconExchange.NO_ANSWER);
                assertThat(unsent.differences()).startsWith("not sent: the shetab link is not"
                        + " signed on");
            }
        }
    }

    private static void awaitSignedOn(SwitchNode node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (node.links().values().stream()
                    .allMatch(l -> l.state() == LinkState.SIGNED_ON)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("links did not sign on within 15 s");
    }

    private static void drain(SwitchNode node, Simulation world) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            int[] owed = new int[2];
            node.thread().runAndWait(() -> {
                owed[0] = node.engine().inFlight();
                owed[1] = node.engine().owedCount();
            });
            if (owed[0] == 0 && owed[1] == 0 && world.mir.simulator.acquirer().inFlight() == 0
                    && world.shetab.simulator.acquirer().inFlight() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("drain did not finish within 30 s");
    }
}
