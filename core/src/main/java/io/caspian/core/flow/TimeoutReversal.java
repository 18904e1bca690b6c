package io.caspian.core.flow;

import io.caspian.core.saf.Owed;
import io.caspian.core.txn.Mti;
import io.caspian.core.txn.Reason;
import io.caspian.store.SafItem;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import java.util.List;

/**
 * The issuer did not answer in time. It may still approve, so a reversal is owed before the
 * acquirer hears "issuer unavailable" (DESIGN.md I2); a late approval then needs nothing
 * more, because this reversal cancels it. When the issuer's stand-in rules allow, Caspian
 * approves on its behalf instead of declining ({@link StandInDecision#approveAfterTimeout}),
 * unless the acquirer has already reversed the request (then only the reversal is owed).
 */
final class TimeoutReversal {
    /** ISO 8583:1993 message reason code 4021: timeout waiting for response. */
    static final String REASON_TIMEOUT = "4021";

    private final SwitchEngine engine;

    TimeoutReversal(SwitchEngine engine) {
        this.engine = engine;
    }

    void onTimeout(Exchange x) {
        Owed owed = engine.owedReversal(x, REASON_TIMEOUT);
        StandInDecision standIn = new StandInDecision(engine);
        if (!x.reversedByAcquirer && standIn.ruling(x) == Reason.APPROVED) {
            // DESIGN.md item 8: stand in for a silent issuer as for one whose link is down.
            StoreWrite timedOut = engine.records.transition(x, TransactionState.TIMED_OUT,
                    "ISSUER_TIMEOUT", TransitionFields.NONE);
            standIn.approveAfterTimeout(x, owed, timedOut);
            return;
        }
        List<StoreWrite> writes = List.of(
                engine.records.transition(x, TransactionState.TIMED_OUT, "ISSUER_TIMEOUT",
                        engine.records.answeredFields(x, null, Reason.ISSUER_UNAVAILABLE, null)),
                engine.records.transition(x, TransactionState.REVERSAL_PENDING, "REVERSAL_OWED",
                        TransitionFields.NONE),
                new StoreWrite.EnqueueSaf(item(engine, owed)));
        engine.afterCommit(writes, x, () -> {
            engine.saf.add(owed);
            engine.answer(x, Reason.ISSUER_UNAVAILABLE, null);
            engine.saf.sendDue(x.issuer);
        });
    }

    static SafItem item(SwitchEngine engine, Owed owed) {
        String mti = owed.kind == SafKind.REVERSAL
                ? new Mti(engine.settings.scheme(owed.target).wire().version(),
                        Mti.CLASS_REVERSAL, Mti.FUNCTION_ADVICE, 0).toString()
                : new Mti(engine.settings.scheme(owed.target).wire().version(),
                        CompletionAdvice.REASON_COMPLETION.equals(owed.reasonCode)
                                ? Mti.CLASS_FINANCIAL : owed.originalMti.messageClass(),
                        Mti.FUNCTION_ADVICE, 0).toString();
        return SafItem.owed(owed.transactionId, owed.kind, owed.target, mti,
                owed.reasonCode, owed.amount.minor(), owed.amount.currency().numeric(),
                engine.scheduler.now());
    }
}
