package io.caspian.app.demo;

import io.caspian.hsm.Hsm;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.LengthHeader;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkRole;
import io.caspian.link.LinkRuntime;
import io.caspian.link.NettyLink;
import io.caspian.sim.SchemeSimulator;
import io.caspian.sim.SimConfig;
import io.caspian.sim.SimMac;
import io.caspian.sim.acquirer.Terminal;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.CardGenerator;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.cards.TestCardFactory;
import io.caspian.sim.time.ExecutorScheduler;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/**
 * One simulated scheme in the demo: its cards (issued by the schemes' own HSM), its
 * terminals, and its host listening on a loopback port for Caspian.
 */
public final class SchemeWorld implements AutoCloseable {
    public final String id;
    public final int port;
    public final List<TestCard> cards;
    public final List<Terminal> terminals;
    public final SchemeSimulator simulator;
    private final ExecutorScheduler scheduler;

    private SchemeWorld(String id, int port, List<TestCard> cards, List<Terminal> terminals,
            SchemeSimulator simulator, ExecutorScheduler scheduler) {
        this.id = id;
        this.port = port;
        this.cards = cards;
        this.terminals = terminals;
        this.simulator = simulator;
        this.scheduler = scheduler;
    }

    /** Issues the scheme's cards and starts its host on a free loopback port. */
    public static SchemeWorld start(String id, Hsm schemesHsm, LinkRuntime runtime, int cardCount,
            long seed) throws IOException, DialectException {
        Random random = new Random(seed);
        boolean mir = id.equals("mir");
        CardGenerator generator = mir ? CardGenerator.mir(random) : CardGenerator.shetab(random);
        List<String> names = mir ? List.of("IVAN PETROV", "OLGA SMIRNOVA", "PAVEL ORLOV")
                : List.of("ALI REZAEI", "MARYAM AHMADI", "REZA KARIMI");
        // Balances: 50,000.00 RUB; 200,000,000 IRR: enough for a demo day, not unlimited.
        long balance = mir ? 5_000_000L : 200_000_000L;
        List<TestCard> cards = new TestCardFactory(schemesHsm, generator, names, random)
                .issueActive(cardCount, YearMonth.of(2030, 12), balance);
        String country = mir ? "RU" : "IR";
        String city = mir ? "MOSCOW" : "TEHRAN";
        String shop = mir ? "GUM DEPARTMENT STORE" : "TEHRAN GRAND BAZAAR";
        List<Terminal> terminals = List.of(
                new Terminal(prefix(id) + "POS001", TerminalType.POS, "M" + id + "00001", shop,
                        city, country),
                new Terminal(prefix(id) + "ATM001", TerminalType.ATM, "M" + id + "00002",
                        mir ? "SBER ATM TVERSKAYA" : "MELLI ATM VALIASR", city, country),
                new Terminal(prefix(id) + "WEB001", TerminalType.ECOM, "M" + id + "00003",
                        mir ? "OZON WEB SHOP" : "DIGIKALA WEB SHOP", city, country));
        int port = freePort();
        Dialect dialect = Dialects.builtIn(id);
        LengthHeader header = mir ? LengthHeader.BINARY2 : LengthHeader.ASCII4;
        LinkConfig link = new LinkConfig(id + "-host", LinkRole.LISTEN, "127.0.0.1", port, 1,
                dialect, new FrameSpec(header, false, header.limit()), Duration.ofSeconds(5),
                true, Duration.ofMillis(100), Duration.ofSeconds(1), 10_000, null,
                mir ? "9990643" : "9990364");
        // The MACs of the demo's configuration (caspian-demo.yaml), keys from the ceremony.
        SimConfig config = SimConfig.defaults(id, link, mir ? "2200001" : "6037991",
                mir ? 643 : 364, cards, terminals, seed).withMac(new SimMac("zak." + id,
                        mir ? MacAlgorithm.ISO9797_ALG3_PAD2 : MacAlgorithm.AES_CMAC));
        ExecutorScheduler scheduler = new ExecutorScheduler("sim-" + id, Clock.systemUTC());
        SchemeSimulator sim = new SchemeSimulator(config, schemesHsm, scheduler,
                (c, h) -> new NettyLink(c, h, runtime));
        sim.start();
        return new SchemeWorld(id, port, cards, terminals, sim, scheduler);
    }

    private static String prefix(String id) {
        return id.equals("mir") ? "RU" : "IR";
    }

    /** A free loopback port: the simulator's host must keep one port across reconnects. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    ExecutorScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        simulator.stop();
        scheduler.close();
    }
}
