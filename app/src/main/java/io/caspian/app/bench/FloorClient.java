package io.caspian.app.bench;

import io.caspian.app.demo.SchemeWorld;
import io.caspian.hsm.Hsm;
import io.caspian.iso8583.IsoMessage;
import io.caspian.link.Link;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkHandler;
import io.caspian.link.LinkRole;
import io.caspian.link.LinkRuntime;
import io.caspian.link.LinkState;
import io.caspian.link.NettyLink;
import io.caspian.sim.SimMac;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.time.ExecutorScheduler;
import io.caspian.sim.wire.MessageMacs;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The floor: an acquirer of the issuer's own scheme connected straight to the scheme
 * simulator, in the place Caspian's link normally takes (as sim's loopback IT does). Same
 * Netty links, codec and issuer as through the switch, without the switch in between.
 * The simulator accepts one connection, so this runs while the switch is not connected.
 */
final class FloorClient implements AutoCloseable {
    private static final long SIGN_ON_WAIT_MS = 15_000;

    final Acquirer acquirer;
    private final NettyLink link;
    private final ExecutorScheduler scheduler;

    private FloorClient(Acquirer acquirer, NettyLink link, ExecutorScheduler scheduler) {
        this.acquirer = acquirer;
        this.link = link;
        this.scheduler = scheduler;
    }

    /** Connects to {@code issuer}'s host and waits for the sign-on. */
    static FloorClient connect(SchemeWorld issuer, Hsm schemesHsm, LinkRuntime runtime,
            long seed) throws InterruptedException {
        LinkConfig host = issuer.simulator.config().link();
        LinkConfig config = new LinkConfig("floor-" + issuer.id, LinkRole.CONNECT, "127.0.0.1",
                issuer.port, 1, host.dialect(), host.framing(), Duration.ofSeconds(5), true,
                Duration.ofMillis(100), Duration.ofSeconds(1), host.outboundQueueMax(), null,
                "9990001");
        ExecutorScheduler scheduler = new ExecutorScheduler("bench-floor-" + issuer.id,
                Clock.systemUTC());
        // The scheme's own acquirer settings: its currency, zone PIN key and PIN format, so
        // the issuer sees what its own network would send it (on-us).
        Acquirer acquirer = new Acquirer(issuer.simulator.config().model(),
                issuer.simulator.config().acquirer(), schemesHsm, scheduler, new Random(seed));
        NettyLink link = new NettyLink(config, new LinkHandler() {
            @Override
            public void onMessage(Link l, IsoMessage m) {
                // Only replies are expected: the simulator's own acquirer is not driven.
                if (m.mtiNumber() / 10 % 2 == 1) {
                    acquirer.onResponse(m);
                }
            }
        }, runtime);
        // The host drops what carries no valid MAC where its link asks for MACs: sign as the
        // scheme's own network would, with its key.
        SimMac mac = issuer.simulator.config().mac();
        MessageMacs macs = mac == null ? null
                : new MessageMacs(schemesHsm, mac.keyId(), mac.algorithm());
        acquirer.connect(m -> (macs == null || !MessageMacs.covers(m) || macs.sign(m))
                && link.send(m) == Link.SendResult.SENT);
        FloorClient client = new FloorClient(acquirer, link, scheduler);
        link.start();
        long deadline = System.currentTimeMillis() + SIGN_ON_WAIT_MS;
        while (link.state() != LinkState.SIGNED_ON) {
            if (System.currentTimeMillis() > deadline) {
                client.close();
                throw new IllegalStateException("floor link to " + issuer.id
                        + " did not sign on within 15 s");
            }
            Thread.sleep(20);
        }
        return client;
    }

    @Override
    public void close() {
        link.stop();
        scheduler.close();
    }
}
