package io.caspian.core.flow;

import io.caspian.core.mapping.Outbound;
import io.caspian.core.saf.Owed;
import io.caspian.core.standin.StandInRules;
import io.caspian.core.txn.Reason;
import io.caspian.core.txn.TransactionType;
import io.caspian.store.IssuerReference;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import java.util.List;

/**
 * The issuer's link is down: decide on its behalf by its stand-in rules. An approval owes
 * the issuer an advice (x120/x220) and is answered only once that is durable. A request
 * with a PIN is never approved in stand-in: Caspian cannot verify the issuer's PINs.
 */
final class StandInDecision {
    /** Caspian's own reason code for an owed stand-in advice (not sent on the wire). */
    static final String REASON_STAND_IN = "STIP";

    private final SwitchEngine engine;

    StandInDecision(SwitchEngine engine) {
        this.engine = engine;
    }

    void decide(Exchange x) {
        SchemeSettings iss = engine.settings.scheme(x.issuer);
        StandInRules rules = iss.standIn();
        TransactionType type = x.canonical.type();
        Reason reason;
        if (x.canonical.pinBlock() != null) {
            reason = Reason.ISSUER_UNAVAILABLE;
        } else {
            String card = x.cardHash;
            reason = engine.standIn.decide(rules, card, type, x.canonical.acceptor().channel(),
                    x.conversion.target().minor(), engine.today(iss));
        }
        x.record = engine.records.received(x);
        if (reason != Reason.APPROVED) {
            engine.stats.count("stand_in_declined");
            List<StoreWrite> writes = List.of(
                    new StoreWrite.InsertTransaction(x.record, "REQUEST_RECEIVED"),
                    engine.records.transition(x, TransactionState.ROUTED, "ROUTED_BY_IIN",
                            engine.records.routedFields(x)),
                    engine.records.transition(x, TransactionState.DECLINED,
                            "ISSUER_DOWN_STAND_IN_DECLINED",
                            engine.records.answeredFields(x, null, reason, null)));
            engine.afterCommit(writes, x, () -> engine.answer(x, reason, null));
            return;
        }
        x.ours = engine.numberOutbound(x);
        String authCode = authCode(x);
        String ourCode = engine.settings.scheme(x.acquirer).wire().codes().code(Reason.APPROVED);
        Owed advice = new Owed(x.id, SafKind.ADVICE, x.issuer, x.canonical.pan(),
                x.canonical.processingCode(), x.conversion.target(), x.issuerMti, x.ours,
                x.canonical.acceptor().terminalId(), x.canonical.acceptor().merchantId(),
                REASON_STAND_IN, authCode, engine.scheduler.now());
        List<StoreWrite> writes = List.of(
                new StoreWrite.InsertTransaction(x.record, "REQUEST_RECEIVED"),
                engine.records.transition(x, TransactionState.ROUTED, "ROUTED_BY_IIN",
                        engine.records.routedFields(x)),
                engine.records.transition(x, TransactionState.STOOD_IN, "ISSUER_DOWN_STOOD_IN",
                        new TransitionFields(null, null, null,
                                new IssuerReference(x.ours.stan(), x.ours.rrn()), ourCode, null,
                                authCode, Boolean.TRUE)),
                engine.records.transition(x, TransactionState.ADVICE_PENDING, "ADVICE_OWED",
                        TransitionFields.NONE),
                new StoreWrite.EnqueueSaf(TimeoutReversal.item(engine, advice)));
        engine.afterCommit(writes, x, () -> {
            engine.stats.count("stood_in");
            engine.saf.add(advice);
            engine.answer(x, Reason.APPROVED, authCode);
        });
    }

    /** Six digits from our STAN: unique on the link for the STAN's cycle. */
    private static String authCode(Exchange x) {
        String s = x.ours.stan();
        return "S" + s.substring(s.length() - 5);
    }
}
