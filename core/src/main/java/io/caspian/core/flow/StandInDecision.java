package io.caspian.core.flow;

import io.caspian.core.mapping.Outbound;
import io.caspian.core.saf.Owed;
import io.caspian.core.standin.StandInRules;
import io.caspian.core.txn.Reason;
import io.caspian.store.AdviceReference;
import io.caspian.store.IssuerReference;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The issuer's link is down, or the issuer did not answer in time: decide on its behalf by
 * its stand-in rules. An approval owes the issuer an advice (x120/x220) and is answered only
 * once that is durable. A request with a PIN is never approved in stand-in: Caspian cannot
 * verify the issuer's PINs.
 *
 * <pre>
 * link down: ROUTED ─► STOOD_IN ─► ADVICE_PENDING          advice numbered as the request
 * timeout:   SENT ─► TIMED_OUT ─► STOOD_IN ─► ADVICE_PENDING
 *            + reversal of the request that went unanswered (the issuer may have approved
 *              it) and an advice with its own STAN, so the issuer books exactly one debit
 * </pre>
 */
final class StandInDecision {
    /** Caspian's own reason code for an owed stand-in advice (not sent on the wire). */
    static final String REASON_STAND_IN = "STIP";
    /**
     * The same after a timeout: the request's own numbering went to the issuer already, so
     * the advice carries a STAN of its own (also after a restart).
     */
    static final String REASON_STAND_IN_AFTER_TIMEOUT = "STIT";

    private final SwitchEngine engine;

    StandInDecision(SwitchEngine engine) {
        this.engine = engine;
    }

    /** APPROVED, or why the rules decline; an approval counts against the card's limits. */
    Reason ruling(Exchange x) {
        SchemeSettings iss = engine.settings.scheme(x.issuer);
        StandInRules rules = iss.standIn();
        if (x.canonical.pinBlock() != null || !rules.enabled()) {
            return Reason.ISSUER_UNAVAILABLE;
        }
        return engine.standIn.decide(rules, x.cardHash, x.canonical.type(),
                x.canonical.acceptor().channel(), x.conversion.target().minor(),
                engine.today(iss));
    }

    /** The link is down: nothing was sent, the advice uses the request's numbering. */
    void decide(Exchange x) {
        Reason reason = ruling(x);
        x.record = engine.records.received(x);
        List<StoreWrite> writes = new ArrayList<>();
        writes.add(new StoreWrite.InsertTransaction(x.record, "REQUEST_RECEIVED"));
        writes.add(engine.records.transition(x, TransactionState.ROUTED, "ROUTED_BY_IIN",
                engine.records.routedFields(x)));
        if (reason != Reason.APPROVED) {
            engine.stats.count("stand_in_declined");
            writes.add(engine.records.transition(x, TransactionState.DECLINED,
                    "ISSUER_DOWN_STAND_IN_DECLINED",
                    engine.records.answeredFields(x, null, reason, null)));
            engine.afterCommit(writes, x, () -> engine.answer(x, reason, null));
            return;
        }
        x.ours = engine.numberOutbound(x);
        approve(x, writes, "ISSUER_DOWN_STOOD_IN", x.ours, REASON_STAND_IN, null);
    }

    /**
     * The issuer did not answer in time and the rules approve: the timeout, the stand-in
     * approval, the reversal of the unanswered request and the advice, in one commit.
     */
    void approveAfterTimeout(Exchange x, Owed reversal, StoreWrite timedOut) {
        reversal.standsIn = true;
        Numbering n = engine.numbering.get(x.issuer);
        // Kept to the microsecond, as the store keeps it, so a restart rebuilds the same DE 7.
        Instant now = engine.scheduler.now().truncatedTo(ChronoUnit.MICROS);
        Outbound adviceNumbering = new Outbound(n.nextStan(), x.ours.rrn(), now,
                engine.localTimeSent(now, x.acquirer));
        x.adviceNumbering = adviceNumbering;
        List<StoreWrite> writes = new ArrayList<>();
        writes.add(timedOut);
        writes.add(new StoreWrite.EnqueueSaf(TimeoutReversal.item(engine, reversal)));
        approve(x, writes, "ISSUER_TIMEOUT_STOOD_IN", adviceNumbering,
                REASON_STAND_IN_AFTER_TIMEOUT, reversal);
    }

    private void approve(Exchange x, List<StoreWrite> writes, String cause,
            Outbound adviceNumbering, String adviceReason, Owed reversal) {
        String authCode = authCode(adviceNumbering);
        String ourCode = engine.settings.scheme(x.acquirer).wire().codes().code(Reason.APPROVED);
        Owed advice = new Owed(x.id, SafKind.ADVICE, x.issuer, x.canonical.pan(),
                x.canonical.processingCode(), x.conversion.target(), x.issuerMti,
                adviceNumbering, x.canonical.acceptor().terminalId(),
                x.canonical.acceptor().merchantId(), adviceReason, authCode,
                engine.scheduler.now());
        // The record keeps the numbering of the request as sent and, after a timeout, that of
        // the advice too: an acquirer's reversal names the advice, also after a restart.
        IssuerReference ref = reversal == null
                ? new IssuerReference(x.ours.stan(), x.ours.rrn()) : null;
        AdviceReference own = reversal == null ? null
                : new AdviceReference(adviceNumbering.stan(), adviceNumbering.at());
        writes.add(engine.records.transition(x, TransactionState.STOOD_IN, cause,
                new TransitionFields(null, null, null, ref, ourCode, null, authCode,
                        Boolean.TRUE, own)));
        writes.add(engine.records.transition(x, TransactionState.ADVICE_PENDING, "ADVICE_OWED",
                TransitionFields.NONE));
        writes.add(new StoreWrite.EnqueueSaf(TimeoutReversal.item(engine, advice)));
        engine.afterCommit(writes, x, () -> {
            engine.stats.count("stood_in");
            if (reversal != null) {
                engine.stats.count("stood_in_after_timeout");
                engine.saf.add(reversal);
            }
            engine.saf.add(advice);
            engine.answer(x, Reason.APPROVED, authCode);
            engine.saf.sendDue(x.issuer);
        });
    }

    /** Six characters from the advice's STAN: unique on the link for the STAN's cycle. */
    private static String authCode(Outbound numbering) {
        String s = numbering.stan();
        return "S" + s.substring(s.length() - 5);
    }
}
