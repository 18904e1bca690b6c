package io.caspian.sim.acquirer;

import io.caspian.hsm.Hsm;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.cards.Pans;
import io.caspian.sim.time.Scheduler;
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
 * submit --x100/x200--> pending --reply--> ANSWERED, and if approved, at most one of:
 *                         |                  customer cancels: x420 reason "cancelled"
 *                         |                  authorization completed: x220 (final amount)
 *                         |                  purchase partly cancelled: x420, part reversed
 *                         +--responseTimeoutMs--> TIMED_OUT, x420 reason "timeout"
 * x420/x220 pending --x430/x230--> acknowledged;  --timeout--> x421/x221 up to
 *                                                 reversalRepeatsMax, then abandoned (counted)
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
    private volatile double completionFraction;
    private volatile double partialReversalFraction;
    private volatile int completionPercent = 100;
    private volatile int completionPercentMax = 100;
    private long stan;

    /** A request, or a follow-up (reversal or completion advice), waiting for its reply. */
    private static final class Pending {
        final IsoMessage message;
        final AcquirerRequest request;
        final CompletableFuture<AcquirerResult> result;
        final long startNanos;
        /** The approval a follow-up changes; null for a request or a timeout reversal. */
        final ProcessingCode cancels;
        /** What the follow-up's acknowledgement takes off that approval, minor units. */
        final long takesBackMinor;
        int attempts = 1;
        Scheduler.Cancellable timer;

        Pending(IsoMessage message, AcquirerRequest request,
                CompletableFuture<AcquirerResult> result, long startNanos,
                ProcessingCode cancels, long takesBackMinor) {
            this.message = message;
            this.request = request;
            this.result = result;
            this.startNanos = startNanos;
            this.cancels = cancels;
            this.takesBackMinor = takesBackMinor;
        }

        boolean isFollowUp() {
            return request == null;
        }

        boolean isCompletion() {
            return isFollowUp() && WireModel.kind(message) / 10 == 22;
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

    /**
     * Follow-ups of approvals from now on, besides customer cancellations: the share of
     * approved authorizations completed by an advice (x220) for {@code completionPercent} of
     * the authorized amount (100: the full amount), and the share of approved purchases
     * partly cancelled (x420 for a random 10-90 % of the amount).
     */
    public void followUps(double completions, int percent, double partialReversals) {
        followUps(completions, percent, percent, partialReversals);
    }

    /**
     * As {@link #followUps(double, int, double)}, each completion for a random whole percent
     * of the authorized amount in {@code [minPercent, maxPercent]} (rounded down to the minor
     * unit), drawn from the seeded random source.
     */
    public void followUps(double completions, int minPercent, int maxPercent,
            double partialReversals) {
        if (completions < 0 || partialReversals < 0
                || settings.cancelFraction() + completions > 1
                || settings.cancelFraction() + partialReversals > 1) {
            throw new IllegalArgumentException("follow-up shares are 0..1 with cancellations");
        }
        if (minPercent < 1 || maxPercent > 100 || minPercent > maxPercent) {
            throw new IllegalArgumentException("completion percents are 1..100, min <= max");
        }
        this.completionFraction = completions;
        this.completionPercent = minPercent;
        this.completionPercentMax = maxPercent;
        this.partialReversalFraction = partialReversals;
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
            p = new Pending(m, request, result, startNanos, null, 0);
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
        if (p.isCompletion()) {
            stats.completionAcknowledged(settings.currency().numeric(), p.takesBackMinor);
            return true;
        }
        if (p.isFollowUp()) {
            stats.reversalAcknowledged(p.cancels, settings.currency().numeric(),
                    p.takesBackMinor);
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
        if (outcome == Outcome.APPROVED && movedMoney) {
            followUp(p.message, r, reply.getString(38));
        }
    }

    /** At most one follow-up of an approval, drawn from the seeded random source. */
    private void followUp(IsoMessage original, AcquirerRequest r, String authCode) {
        double cancel = settings.cancelFraction();
        double complete = completionFraction;
        double partial = partialReversalFraction;
        if (cancel + complete + partial == 0) {
            return;
        }
        double draw;
        double share;
        synchronized (this) {
            draw = random.nextDouble();
            share = random.nextDouble();
        }
        if (draw < cancel) {
            reverse(original, false, r.type(), r.amountMinor());
        } else if (r.authorization() && draw < cancel + complete && authCode != null) {
            // share is in [0, 1): a whole percent from the lowest to the highest, each as likely.
            int lowest = completionPercent;
            int percent = lowest + (int) (share * (completionPercentMax - lowest + 1));
            long finalMinor = Math.max(1, r.amountMinor() * percent / 100);
            complete(original, authCode, r, finalMinor);
        } else if (!r.authorization() && r.type().debits() && r.amountMinor() >= 10
                && draw < cancel + partial) {
            long remaining = r.amountMinor() * (10 + (long) (share * 81)) / 100;
            partlyReverse(original, r, remaining);
        }
    }

    private void timedOut(Pending p) {
        synchronized (this) {
            if (!pending.remove(MatchKey.of(p.message), p)) {
                return;
            }
        }
        if (p.isFollowUp()) {
            repeatFollowUp(p);
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
            reverse(p.message, true, null, 0);
        }
    }

    private void reverse(IsoMessage original, boolean timeout, ProcessingCode cancels,
            long amountMinor) {
        IsoMessage reversal;
        Pending p;
        synchronized (this) {
            reversal = builder.reversal(original, nextStan(), scheduler.clock().instant(),
                    timeout);
            p = new Pending(reversal, null, null, scheduler.nanoTime(), cancels, amountMinor);
            track(p, reversal);
        }
        stats.reversalSent();
        sender.send(reversal);
    }

    /** The customer keeps {@code remainingMinor} of an approved purchase. */
    private void partlyReverse(IsoMessage original, AcquirerRequest r, long remainingMinor) {
        IsoMessage reversal;
        synchronized (this) {
            reversal = builder.partialReversal(original, nextStan(),
                    scheduler.clock().instant(), remainingMinor);
            track(new Pending(reversal, null, null, scheduler.nanoTime(), r.type(),
                    r.amountMinor() - remainingMinor), reversal);
        }
        stats.reversalSent();
        stats.partialReversalSent();
        sender.send(reversal);
    }

    /** An approved authorization is completed for {@code finalMinor}. */
    private void complete(IsoMessage original, String authCode, AcquirerRequest r,
            long finalMinor) {
        IsoMessage advice;
        synchronized (this) {
            advice = builder.completion(original, authCode, nextStan(),
                    scheduler.clock().instant(), finalMinor);
            track(new Pending(advice, null, null, scheduler.nanoTime(), r.type(),
                    r.amountMinor() - finalMinor), advice);
        }
        stats.completionSent();
        sender.send(advice);
    }

    private void repeatFollowUp(Pending p) {
        if (p.attempts > reversalRepeatsMax) {
            if (p.isCompletion()) {
                stats.completionAbandoned();
            } else {
                stats.reversalAbandoned();
            }
            LOG.info("{} abandoned after {} attempts: stan={}", p.message.mti(), p.attempts,
                    p.message.getLong(11));
            return;
        }
        IsoMessage repeat = builder.repeat(p.message);
        Pending next = new Pending(repeat, null, null, p.startNanos, p.cancels,
                p.takesBackMinor);
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
