package io.caspian.app.wiring;

import io.caspian.app.config.Settings;
import io.caspian.console.ConsoleMetrics;
import io.caspian.core.flow.SwitchEngine;
import io.caspian.core.flow.SwitchStats;
import io.caspian.core.txn.Mti;
import io.caspian.hsm.Hsm;
import io.caspian.iso8583.IsoMessage;
import io.caspian.link.Link;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkHandler;
import io.caspian.link.LinkRuntime;
import io.caspian.link.LinkState;
import io.caspian.link.NettyLink;
import io.caspian.store.TransactionStore;
import io.caspian.store.pan.PanProtector;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running switch: store, engine thread, engine and a link per scheme. Start order
 * matters: the store and recovery come before any link, so nothing is accepted before the
 * switch knows what it owes.
 */
public final class SwitchNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchNode.class);
    /** Interval of store-and-forward repeats and duplicate-window expiry. */
    private static final long TICK_MS = 100;

    private final TransactionStore store;
    private final EngineThread thread;
    private final SwitchEngine engine;
    private final Map<String, NettyLink> links = new LinkedHashMap<>();
    private final PanProtector pans;
    private final ConsoleMetrics metrics;
    private final MessageTap tap;

    private SwitchNode(TransactionStore store, EngineThread thread, SwitchEngine engine,
            PanProtector pans, Clock clock) {
        this.store = store;
        this.thread = thread;
        this.engine = engine;
        this.pans = pans;
        this.metrics = new ConsoleMetrics();
        this.tap = new MessageTap(store, metrics, clock);
        engine.observe(metrics);
    }

    /** Opens the store, recovers, then starts the links. */
    public static SwitchNode start(Settings settings, Hsm hsm, PanProtector pans,
            LinkRuntime runtime, Clock clock) {
        EngineThread thread = new EngineThread(clock);
        TransactionStore store = TransactionStore.open(settings.store(), clock);
        SwitchEngine engine = new SwitchEngine(settings.switchSettings(), thread, store, pans,
                hsm, new SwitchStats(), System.nanoTime());
        SwitchNode node = new SwitchNode(store, thread, engine, pans, clock);
        for (LinkConfig lc : settings.links().values()) {
            NettyLink link = new NettyLink(lc, node.handler(lc.name()), runtime);
            node.links.put(lc.name(), link);
            engine.attach(lc.name(), new LinkPort(lc.name(), link, node.tap));
        }
        thread.runAndWait(engine::recover);
        thread.every(TICK_MS, engine::tick);
        node.links.values().forEach(Link::start);
        LOG.info("switch started: links {}", node.links.keySet());
        return node;
    }

    private LinkHandler handler(String scheme) {
        return new LinkHandler() {
            @Override
            public void onMessage(Link link, IsoMessage message) {
                tap.received(scheme, message);
                Mti mti = Mti.parse(message.mti());
                boolean newRequest = mti.isRequestOrAdvice()
                        && mti.messageClass() != Mti.CLASS_REVERSAL;
                if (!newRequest) {
                    thread.execute(() -> engine.onMessage(scheme, message));
                } else if (engine.admit()) {
                    Instant at = thread.now();
                    thread.execute(() -> engine.onAdmitted(scheme, message, at));
                } else {
                    engine.rejectOverloaded(scheme, message);
                }
            }

            @Override
            public void onStateChange(Link link, LinkState from, LinkState to) {
                LOG.info("link {}: {} -> {}", scheme, from, to);
                if (to == LinkState.SIGNED_ON) {
                    thread.execute(() -> engine.onLinkUp(scheme));
                }
            }
        };
    }

    public SwitchEngine engine() {
        return engine;
    }

    public TransactionStore store() {
        return store;
    }

    public Map<String, NettyLink> links() {
        return links;
    }

    public EngineThread thread() {
        return thread;
    }

    /** The metrics the engine and the message tap write to; the console serves them. */
    public ConsoleMetrics metrics() {
        return metrics;
    }

    /**
     * Whether every message (masked) goes to the store's message journal for the console's
     * traces; off until the console turns it on. Counting messages in the metrics is always
     * on.
     */
    public void recordMessages(boolean on) {
        tap.journalling(on);
    }

    public PanProtector pans() {
        return pans;
    }

    @Override
    public void close() {
        links.values().forEach(Link::stop);
        thread.close();
        store.close();
    }
}
