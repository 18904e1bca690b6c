package io.caspian.core.flow;

import io.caspian.core.mapping.MessageWriter;
import io.caspian.core.mapping.Outbound;
import io.caspian.core.port.SchemePort;
import io.caspian.core.saf.Owed;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends owed reversals and advices, oldest first per scheme, and repeats them (x421, x121,
 * x221) every {@code safRetryMs} until the issuer acknowledges. Each send and the
 * acknowledgement are recorded in the store; the queue itself survives restarts there.
 */
final class StoreAndForward {
    private static final Logger LOG = LoggerFactory.getLogger(StoreAndForward.class);

    private final SwitchEngine engine;
    private final Map<String, Owed> owed = new LinkedHashMap<>();
    private final Map<String, Owed> sent = new HashMap<>();

    StoreAndForward(SwitchEngine engine) {
        this.engine = engine;
    }

    private static String key(UUID id, SafKind kind) {
        return id + "|" + kind;
    }

    void add(Owed o) {
        owed.putIfAbsent(key(o.transactionId, o.kind), o);
    }

    /** A reversal owed only in memory: the store refused the write that would hold it. */
    void oweInMemory(Exchange x) {
        if (x.ours != null && x.conversion != null) {
            LOG.warn("{} {}: reversal owed in memory only until the store returns",
                    x.direction(), x.id);
            add(engine.owedReversal(x, TimeoutReversal.REASON_TIMEOUT));
        }
    }

    int size() {
        return owed.size();
    }

    /** Sends what is due to {@code scheme} (or to every scheme when null). */
    void sendDue(String scheme) {
        Instant now = engine.scheduler.now();
        for (Owed o : new ArrayList<>(owed.values())) {
            if ((scheme == null || scheme.equals(o.target)) && !o.nextAttemptAt.isAfter(now)) {
                SchemePort port = engine.ports.get(o.target);
                if (port != null && port.isUp()) {
                    send(o, port, now);
                }
            }
        }
    }

    private void send(Owed o, SchemePort port, Instant now) {
        MessageWriter w = engine.writers.get(o.target);
        Numbering n = engine.numbering.get(o.target);
        boolean repeat = o.attempts > 0;
        // An advice repeat (x121/x221) is the first advice again, numbering included, so the
        // issuer recognises it; a reversal repeat has a STAN of its own and names its original
        // in DE 90.
        boolean completion = o.kind == SafKind.ADVICE
                && CompletionAdvice.REASON_COMPLETION.equals(o.reasonCode);
        if (completion && o.adviceNumbering == null) {
            o.adviceNumbering = new Outbound(n.nextStan(), o.original.rrn(), now,
                    o.original.localTime());
        }
        Outbound ours = completion ? o.adviceNumbering : o.kind == SafKind.ADVICE ? o.original
                : new Outbound(n.nextStan(), o.original.rrn(), now, o.original.localTime());
        IsoMessage m;
        if (o.kind == SafKind.REVERSAL) {
            m = w.reversal(o.pan, o.processingCode, o.amount, o.originalAmount, ours,
                    o.originalMti, o.original, o.terminalId, o.merchantId, o.reasonCode, repeat);
        } else if (completion) {
            m = w.completion(o.pan, o.processingCode, o.amount, ours, o.originalMti,
                    o.original, o.authCode, o.terminalId, o.merchantId, repeat);
        } else {
            m = w.advice(o.pan, o.processingCode, o.amount, ours, o.originalMti, o.authCode,
                    o.terminalId, o.merchantId, repeat);
        }
        if (!port.send(m)) {
            return;
        }
        o.attempts++;
        o.sentStan = ours.stan();
        o.nextAttemptAt = now.plusMillis(engine.settings.safRetryMs());
        sent.put(o.target + "|" + ours.stan(), o);
        engine.stats.count(o.kind == SafKind.REVERSAL ? "reversals_sent"
                : completion ? "completions_sent" : "advices_sent");
        engine.store.submit(new StoreWrite.SafAttempt(o.transactionId, o.kind, now,
                o.nextAttemptAt, null)).exceptionally(e -> {
                    LOG.warn("SAF attempt of {} not recorded: {}", o, e.getMessage());
                    return null;
                });
    }

    /** An x430/x130/x230 from the issuer: the owed message is delivered. */
    void onAcknowledgement(String scheme, IsoMessage ack) {
        Owed o = sent.remove(scheme + "|" + ack.getString(11));
        if (o == null || owed.remove(key(o.transactionId, o.kind)) == null) {
            engine.stats.count("acknowledgements_unmatched");
            return;
        }
        Instant now = engine.scheduler.now();
        engine.stats.count(o.kind == SafKind.REVERSAL ? "reversed" : "advised");
        List<StoreWrite> writes = new ArrayList<>();
        writes.add(new StoreWrite.SafAck(o.transactionId, o.kind, now));
        if (!o.standsIn) {
            TransactionState from = o.kind == SafKind.REVERSAL
                    ? TransactionState.REVERSAL_PENDING : TransactionState.ADVICE_PENDING;
            TransactionState to = o.kind == SafKind.REVERSAL ? TransactionState.REVERSED
                    : TransactionState.ADVISED;
            Transitions.check(from, to);
            writes.add(new StoreWrite.Transition(o.transactionId, from, to,
                    o.kind == SafKind.REVERSAL ? "ISSUER_ACKNOWLEDGED_REVERSAL"
                            : "ISSUER_ACKNOWLEDGED_ADVICE", now, null));
        }
        engine.store.submit(writes).exceptionally(e -> {
            // Still owed in the store: after a restart it is sent again and acknowledged
            // again, which the issuer treats as a repeat.
            LOG.warn("acknowledgement of {} not recorded: {}", o, e.getMessage());
            return null;
        });
    }
}
