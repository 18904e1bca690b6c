package io.caspian.sim.acquirer;

import io.caspian.hsm.Hsm;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.cards.Pans;
import io.caspian.sim.time.Scheduler;
import io.caspian.sim.wire.Money;
import io.caspian.sim.wire.Outcome;
import io.caspian.sim.wire.ProcessingCode;
import io.caspian.sim.wire.Tlv;
import io.caspian.sim.wire.WireModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheme's acquirer towards Caspian: sends requests from its terminals, pairs replies by
 * its own DE 11 + DE 37 + DE 41, and reverses what may have moved money but did not end as
 * an approval the customer keeps.
 *
 * <pre>
 * submit --x100/x200--> pending --reply--> ANSWERED (approved: maybe customer cancels,
 *                         |                          then x420 reason "cancelled")
 *                         +--responseTimeoutMs--> TIMED_OUT, x420 reason "timeout"
 * x420 pending --x430--> acknowledged;  --timeout--> x421 up to reversalRepeatsMax, then
 *                                                    abandoned (counted)
 * </pre>
 *
 * Thread-safe: submit from any thread, replies from the link's thread, timers from the
 * scheduler's.
 */
public final class Acquirer {
    private static final Logger LOG = LoggerFactory.getLogger(Acquirer.class);

    private final WireModel model;
    private final AcquirerSettings settings;
    private final Scheduler scheduler;
    private final Random random;
    private final MessageBuilder builder;
    private final AcquirerStats stats = new AcquirerStats();
    private final Map<MatchKey, Pending> pending = new HashMap<>();
    private volatile MessageSender sender = m -> false;
    private volatile int reversalRepeatsMax;
    private long stan;

    /** A request or reversal waiting for its reply. */
    private static final class Pending {
        final IsoMessage message;
        final AcquirerRequest request;
        final CompletableFuture<AcquirerResult> result;
        final long startNanos;
        final ProcessingCode cancels;
        int attempts = 1;
        Scheduler.Cancellable timer;

        Pending(IsoMessage message, AcquirerRequest request,
                CompletableFuture<AcquirerResult> result, long startNanos,
                ProcessingCode cancels) {
            this.message = message;
            this.request = request;
            this.result = result;
            this.startNanos = startNanos;
            this.cancels = cancels;
        }

        boolean isReversal() {
            return request == null;
        }
    }

    /**
     * @param random seeded; decides which approvals the customer cancels
     */
    public Acquirer(WireModel model, AcquirerSettings settings, Hsm hsm, Scheduler scheduler,
            Random random) {
        this.model = model;
        this.settings = settings;
        this.scheduler = scheduler;
        this.random = random;
        this.builder = new MessageBuilder(model, settings, hsm);
        this.reversalRepeatsMax = settings.reversalRepeatsMax();
    }

    /**
     * Changes how often an unacknowledged reversal is repeated from now on; the crash test
     * sets it unbounded, as an acquirer that keeps its reversals in store-and-forward does,
     * so that a switch down for long gets every reversal once it is back.
     */
    public void reversalRepeatsMax(int repeats) {
        if (repeats < 0) {
            throw new IllegalArgumentException("repeats >= 0");
        }
        this.reversalRepeatsMax = repeats;
    }

    /** Where messages go from now on (the scheme's link, once it is up). */
    public void connect(MessageSender messageSender) {
        this.sender = messageSender;
    }

    public AcquirerSettings settings() {
        return settings;
    }

    public AcquirerStats stats() {
        return stats;
    }

    /** Requests and reversals waiting for a reply. */
    public synchronized int inFlight() {
        return pending.size();
    }

    /** Sends a request now; latency is measured from now. */
    public CompletableFuture<AcquirerResult> submit(AcquirerRequest request) {
        return submit(request, scheduler.nanoTime());
    }

    /**
     * Sends a request now; latency is measured from {@code startNanos} (an open-loop load
     * generator passes the intended send time, so time spent queueing is not hidden).
     */
    public CompletableFuture<AcquirerResult> submit(AcquirerRequest request, long startNanos) {
        CompletableFuture<AcquirerResult> result = new CompletableFuture<>();
        IsoMessage m;
        Pending p;
        synchronized (this) {
            stats.countSubmitted();
            long s = nextStan();
            m = builder.request(request, s, scheduler.clock().instant());
            if (m == null) {
                stats.countNotSent();
                result.complete(notSent(request, s, "", startNanos));
                return result;
            }
            p = new Pending(m, request, result, startNanos, null);
            pending.put(MatchKey.of(m), p);
            p.timer = scheduler.schedule(settings.responseTimeoutMs(), () -> timedOut(p));
        }
        if (!sender.send(m)) {
            boolean removed;
            synchronized (this) {
                removed = pending.remove(MatchKey.of(m), p);
                p.timer.cancel();
                if (removed) {
                    stats.countNotSent();
                }
            }
            if (removed) {
                result.complete(notSent(request, m.getLong(11), m.getString(37), startNanos));
            }
        }
        return result;
    }

    private AcquirerResult notSent(AcquirerRequest r, long s, String rrn, long startNanos) {
        return new AcquirerResult(r, AcquirerResult.Status.NOT_SENT, null, "",
                scheduler.nanoTime() - startNanos, null, null, s, rrn);
    }

    private long nextStan() {
        stan = stan % (model.stanModulus() - 1) + 1;
        return stan;
    }

    /**
     * A reply from the link (x110, x130, x210, x230, x430).
     *
     * @return true when it answered something pending; false for a late or unknown reply
     */
    public boolean onResponse(IsoMessage reply) {
        Pending p;
        synchronized (this) {
            p = pending.remove(MatchKey.of(reply));
            if (p == null) {
                stats.unmatched();
                LOG.debug("unmatched {} stan={} rrn={}", reply.mti(), reply.getLong(11),
                        reply.getString(37));
                return false;
            }
            p.timer.cancel();
        }
        if (p.isReversal()) {
            Money amount = model.amount(p.message);
            stats.reversalAcknowledged(p.cancels, settings.currency().numeric(),
                    amount == null ? 0 : amount.minor());
            return true;
        }
        answered(p, reply);
        return true;
    }

    private void answered(Pending p, IsoMessage reply) {
        String code = reply.getString(39);
        Outcome outcome = model.outcome(code);
        long latency = scheduler.nanoTime() - p.startNanos;
        AcquirerRequest r = p.request;
        if (outcome == Outcome.APPROVED) {
            stats.approved(r.type(), settings.currency().numeric(), r.amountMinor(), latency);
        } else {
            stats.declined(code, latency);
        }
        String holder = null;
        if (outcome == Outcome.APPROVED && model.holderNameTag() != null && reply.has(48)) {
            holder = Tlv.read(reply.getString(48)).get(model.holderNameTag());
        }
        p.result.complete(new AcquirerResult(r, AcquirerResult.Status.ANSWERED, outcome,
                code == null ? "" : code, latency, model.balance(reply), holder,
                p.message.getLong(11), p.message.getString(37)));
        boolean movedMoney = r.type().debits() || r.type().credits();
        if (outcome == Outcome.APPROVED && movedMoney && settings.cancelFraction() > 0
                && nextCancel()) {
            reverse(p.message, false, r.type());
        }
    }

    private synchronized boolean nextCancel() {
        return random.nextDouble() < settings.cancelFraction();
    }

    private void timedOut(Pending p) {
        synchronized (this) {
            if (!pending.remove(MatchKey.of(p.message), p)) {
                return;
            }
        }
        if (p.isReversal()) {
            repeatReversal(p);
            return;
        }
        long latency = scheduler.nanoTime() - p.startNanos;
        stats.timedOut(latency);
        LOG.debug("timeout {} {} stan={}", p.message.mti(), Pans.mask(p.request.card().pan()),
                p.message.getLong(11));
        p.result.complete(new AcquirerResult(p.request, AcquirerResult.Status.TIMED_OUT, null,
                "", latency, null, null, p.message.getLong(11), p.message.getString(37)));
        if (p.request.type().debits() || p.request.type().credits()) {
            // The issuer may have approved what we never heard about: reverse it.
            reverse(p.message, true, null);
        }
    }

    private void reverse(IsoMessage original, boolean timeout, ProcessingCode cancels) {
        IsoMessage reversal;
        Pending p;
        synchronized (this) {
            reversal = builder.reversal(original, nextStan(), scheduler.clock().instant(),
                    timeout);
            p = new Pending(reversal, null, null, scheduler.nanoTime(), cancels);
            track(p, reversal);
        }
        stats.reversalSent();
        sender.send(reversal);
    }

    private void repeatReversal(Pending p) {
        if (p.attempts > reversalRepeatsMax) {
            stats.reversalAbandoned();
            LOG.info("reversal abandoned after {} attempts: stan={}", p.attempts,
                    p.message.getLong(11));
            return;
        }
        IsoMessage repeat = builder.repeat(p.message);
        Pending next = new Pending(repeat, null, null, p.startNanos, p.cancels);
        next.attempts = p.attempts + 1;
        synchronized (this) {
            track(next, repeat);
        }
        sender.send(repeat);
    }

    private void track(Pending p, IsoMessage m) {
        pending.put(MatchKey.of(m), p);
        p.timer = scheduler.schedule(settings.responseTimeoutMs(), () -> timedOut(p));
    }
}
