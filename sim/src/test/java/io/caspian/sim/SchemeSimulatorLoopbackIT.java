package io.caspian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.LengthHeader;
import io.caspian.link.Link;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkHandler;
import io.caspian.link.LinkRole;
import io.caspian.link.LinkRuntime;
import io.caspian.link.LinkState;
import io.caspian.link.NettyLink;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerRequest;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.acquirer.Terminal;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.issuer.IssuerHost;
import io.caspian.sim.time.ExecutorScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scheme simulator listening on a real NettyLink, and a test client in Caspian's place
 * connecting to it: the client's requests reach the simulator's issuer, and the simulator's
 * acquirer's requests reach an issuer behind the client.
 */
class SchemeSimulatorLoopbackIT {
    @TempDir
    Path directory;

    private static LinkConfig config(Dialect d, LinkRole role, int port) {
        LengthHeader h = d.name().equals("shetab") ? LengthHeader.ASCII4 : LengthHeader.BINARY2;
        return new LinkConfig(d.name() + "-" + role, role, "127.0.0.1", port, 1, d,
                new FrameSpec(h, false, 4_000), Duration.ZERO, true, Duration.ofMillis(10),
                Duration.ofMillis(100), 1_000, null, "9990001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mir", "shetab"})
    void bothDirectionsOverTcp(String scheme) throws Exception {
        SimTestKit kit = new SimTestKit(directory);
        Dialect dialect = SimTestKit.model(scheme).dialect();
        List<TestCard> own = kit.cards(scheme, 1).issueActive(3, YearMonth.of(2030, 1), 90_000);
        List<TestCard> foreign = kit.cards(scheme, 2).issueActive(3, YearMonth.of(2030, 1),
                90_000);
        Terminal atm = SimTestKit.terminal(TerminalType.ATM);
        try (LinkRuntime runtime = LinkRuntime.create(1);
                ExecutorScheduler scheduler = new ExecutorScheduler("sim-" + scheme,
                        Clock.systemUTC())) {
            SimConfig simConfig = SimConfig.defaults(scheme, config(dialect, LinkRole.LISTEN, 0),
                    "9990002", 643, own, List.of(atm), 5);
            SchemeSimulator sim = new SchemeSimulator(simConfig, kit.hsm, scheduler,
                    (c, h) -> new NettyLink(c, h, runtime));
            sim.start();
            int port = ((NettyLink) sim.link()).boundPort();

            // Caspian's place: an acquirer towards the simulator's issuer, an issuer for the
            // simulator's acquirer.
            Acquirer clientAcquirer = new Acquirer(SimTestKit.model(scheme),
                    kit.acquirerSettings(scheme, 0), kit.hsm, scheduler, new Random(9));
            IssuerHost clientIssuer = new IssuerHost(SimTestKit.model(scheme),
                    kit.issuerSettings(scheme), kit.hsm, Clock.systemUTC(), foreign);
            NettyLink client = new NettyLink(config(dialect, LinkRole.CONNECT, port),
                    new LinkHandler() {
                        @Override
                        public void onMessage(Link link, IsoMessage m) {
                            if (m.mtiNumber() / 10 % 2 == 1) {
                                clientAcquirer.onResponse(m);
                            } else {
                                link.send(clientIssuer.handle(m));
                            }
                        }
                    }, runtime);
            clientAcquirer.connect(m -> client.send(m) == Link.SendResult.SENT);
            client.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (client.state() != LinkState.SIGNED_ON && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(client.state()).isEqualTo(LinkState.SIGNED_ON);

            AcquirerResult in = clientAcquirer.submit(AcquirerRequest.cash(atm, own.get(0),
                    10_000)).get(5, TimeUnit.SECONDS);
            assertThat(in.approved()).isTrue();
            assertThat(sim.issuer().ledger().netDebitsMinor()).isEqualTo(10_000);

            AcquirerResult out = sim.acquirer().submit(AcquirerRequest.purchase(atm,
                    foreign.get(1), 4_000, true)).get(5, TimeUnit.SECONDS);
            assertThat(out.approved()).isTrue();
            assertThat(clientIssuer.ledger().netDebitsMinor()).isEqualTo(4_000);
            assertThat(sim.acquirer().stats().netApprovedDebitsMinor(
                    SimTestKit.currency(scheme).numeric())).isEqualTo(4_000);

            client.stop();
            sim.stop();
        }
    }
}
