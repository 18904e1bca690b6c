package io.caspian.sim;

import io.caspian.hsm.Hsm;
import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.IsoMessage;
import io.caspian.link.Link;
import io.caspian.link.LinkHandler;
import io.caspian.link.LinkState;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.fault.FaultPlan;
import io.caspian.sim.fault.IssuerFaults;
import io.caspian.sim.issuer.IssuerHost;
import io.caspian.sim.time.Scheduler;
import io.caspian.sim.wire.MessageMacs;
import io.caspian.sim.wire.WireModel;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheme's network as Caspian sees it, over one link: the issuer of the scheme's cards
 * and the acquirer of its terminals.
 *
 * <pre>
 * link --x110/x130/x210/x230/x430--> acquirer (pairs it with its request)
 * link --x100/x120/x200/x220/x420--> scheduler --fault plan--> issuer host --> link
 *                                      (latency, late, drop, garbage, disconnect, down)
 * </pre>
 *
 * The I/O thread only hands over: the issuer runs on the scheduler's thread.
 */
public final class SchemeSimulator implements LinkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SchemeSimulator.class);

    private final SimConfig config;
    private final WireModel model;
    private final Scheduler scheduler;
    private final LinkFactory links;
    private final IssuerHost issuer;
    private final Acquirer acquirer;
    private final IssuerFaults faults;
    private final Random garbageRandom;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private static final long RESTART_RETRY_MS = 200;
    /** True from a simulated disconnect until the host listens again. */
    private boolean down;
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong replyNotSent = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong macFailures = new AtomicLong();
    /** Null when the link carries no MACs. */
    private final MessageMacs macs;
    private volatile Link link;
    private volatile RawSender rawSender;

    /**
     * @param hsm verifies the issuer's PINs and builds the acquirer's PIN blocks
     * @param scheduler issuer thread, latencies and timeouts; its clock is the simulator's
     * @param links makes the link at {@link #start()} and after a disconnect
     */
    public SchemeSimulator(SimConfig config, Hsm hsm, Scheduler scheduler, LinkFactory links) {
        this.config = config;
        this.model = config.model();
        this.scheduler = scheduler;
        this.links = links;
        Random seeds = new Random(config.seed());
        this.issuer = new IssuerHost(model, config.issuer(), hsm, scheduler.clock(),
                config.cards());
        this.acquirer = new Acquirer(model, config.acquirer(), hsm, scheduler,
                new Random(seeds.nextLong()));
        this.faults = new IssuerFaults(config.faults(), new Random(seeds.nextLong()));
        this.garbageRandom = new Random(seeds.nextLong());
        this.macs = config.mac() == null ? null
                : new MessageMacs(hsm, config.mac().keyId(), config.mac().algorithm());
        this.acquirer.connect(m -> {
            Link l = link;
            return l != null && signed(m) && l.send(m) == Link.SendResult.SENT;
        });
    }

    /** Makes the link and starts it (listening, as a scheme's host does). */
    public synchronized void start() {
        link = links.create(config.link(), this);
        link.start();
    }

    /** Stops the link. */
    public synchronized void stop() {
        Link l = link;
        if (l != null) {
            l.stop();
        }
    }

    /** Garbage faults write these bytes instead of an unsolicited response. */
    public void setRawSender(RawSender sender) {
        this.rawSender = sender;
    }

    public SimConfig config() {
        return config;
    }

    public Link link() {
        return link;
    }

    public IssuerHost issuer() {
        return issuer;
    }

    public Acquirer acquirer() {
        return acquirer;
    }

    /** The issuer's faults, settable at runtime. */
    public IssuerFaults faults() {
        return faults;
    }

    public SimCounters counters() {
        return new SimCounters(answered.get(), late.get(), dropped.get(), garbage.get(),
                disconnects.get(), unavailable.get(), replyNotSent.get(), ignored.get());
    }

    /** Messages from Caspian whose MAC was missing or wrong: counted, never acted on. */
    public long macFailures() {
        return macFailures.get();
    }

    /** Signs a message about to be sent, where the link carries MACs. */
    private boolean signed(IsoMessage m) {
        return macs == null || !MessageMacs.covers(m) || macs.sign(m);
    }

    @Override
    public void onMessage(Link from, IsoMessage message) {
        if (macs != null && MessageMacs.covers(message) && !macs.verify(message)) {
            // A real host drops what it cannot authenticate: Caspian's request times out
            // (and is reversed), its response is never taken for the request's answer.
            macFailures.incrementAndGet();
            LOG.warn("{}: {} stan={} from Caspian has no valid MAC: dropped",
                    config.schemeId(), message.mti(), message.getString(11));
            return;
        }
        int kind = WireModel.kind(message);
        if (kind / 10 % 2 == 1 && kind / 100 != 8) {
            acquirer.onResponse(message);
            return;
        }
        scheduler.schedule(0, () -> serve(from, message));
    }

    @Override
    public void onFormatError(Link from, CodecFailure failure) {
        LOG.warn("{}: format error from Caspian: {}", config.schemeId(), failure.describe());
    }

    @Override
    public void onStateChange(Link from, LinkState before, LinkState after) {
        LOG.info("{}: link {} -> {}", config.schemeId(), before, after);
    }

    /** The issuer's side of one message, on the scheduler's thread. */
    void serve(Link from, IsoMessage request) {
        // Reconciliation is the back office's and is never subject to the fault plan.
        FaultPlan plan = WireModel.kind(request) / 100 == 5 ? new FaultPlan.Answer(0)
                : faults.next();
        if (plan instanceof FaultPlan.Unavailable) {
            unavailable.incrementAndGet();
            return;
        }
        IsoMessage reply = issuer.handle(request);
        if (reply == null) {
            ignored.incrementAndGet();
            LOG.info("{}: ignored {}", config.schemeId(), request.mti());
            return;
        }
        if (plan instanceof FaultPlan.Answer a) {
            scheduler.schedule(a.delayMs(), () -> reply(from, reply, answered));
        } else if (plan instanceof FaultPlan.Late l) {
            scheduler.schedule(l.delayMs(), () -> reply(from, reply, late));
        } else if (plan instanceof FaultPlan.Drop) {
            dropped.incrementAndGet();
        } else if (plan instanceof FaultPlan.Garbage) {
            garbage.incrementAndGet();
            sendGarbage(from, reply);
        } else if (plan instanceof FaultPlan.Disconnect d) {
            disconnects.incrementAndGet();
            disconnect(d.downMs());
        }
    }

    private void reply(Link from, IsoMessage reply, AtomicLong counter) {
        Link l = link != null ? link : from;
        if (signed(reply) && l.send(reply) == Link.SendResult.SENT) {
            counter.incrementAndGet();
        } else {
            replyNotSent.incrementAndGet();
        }
    }

    /**
     * Raw random bytes when a {@link RawSender} is set; otherwise the answer with a random
     * STAN and RRN: well-formed, but answering nothing the switch sent.
     */
    private void sendGarbage(Link from, IsoMessage reply) {
        RawSender raw = rawSender;
        if (raw != null) {
            byte[] bytes = new byte[8 + garbageRandom.nextInt(56)];
            garbageRandom.nextBytes(bytes);
            raw.send(from, bytes);
            return;
        }
        IsoMessage stray = reply.copy();
        stray.set(11, 1 + (long) (garbageRandom.nextDouble() * (model.stanModulus() - 2)));
        stray.set(37, String.format("%012d", (long) (garbageRandom.nextDouble() * 1e12)));
        if (signed(stray)) {
            from.send(stray);
        }
    }

    /** Stops the link, and after {@code downMs} makes a new one and starts it. */
    private void disconnect(long downMs) {
        // Requests already in flight draw the same fault: only the first one takes the
        // host down, or a second restart would race the first for the port.
        synchronized (this) {
            if (down) {
                return;
            }
            down = true;
        }
        Link old = link;
        LOG.info("{}: simulated disconnect for {} ms", config.schemeId(), downMs);
        if (old != null) {
            old.stop();
        }
        scheduler.schedule(downMs, this::restart);
    }

    /** Listens again; while the old listener's port is still closing, tries again. */
    private void restart() {
        try {
            start();
            synchronized (this) {
                down = false;
            }
        } catch (IllegalStateException e) {
            LOG.info("{}: cannot listen yet ({}); retrying", config.schemeId(), e.getMessage());
            scheduler.schedule(RESTART_RETRY_MS, this::restart);
        }
    }
}
