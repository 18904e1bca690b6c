package io.caspian.core.flow;

import io.caspian.core.money.Money;
import io.caspian.core.saf.Owed;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.Mti;
import io.caspian.core.txn.Reason;
import io.caspian.core.txn.TransactionType;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A completion advice from an acquirer (x220/x221 naming an authorization in DE 90): matched
 * to the authorization Caspian forwarded, recorded with an advice owed to its issuer (the
 * final amount at the authorization's rate), and acknowledged at once; the issuer receives
 * it through store-and-forward, repeated until acknowledged.
 *
 * <pre>
 * acq -> 0220 DE90=0100+stan amount=final ─► find original ─► RECEIVED ─► ADVICE_PENDING
 *     -> acq 0230                            + owed advice ─► iss x220 (until x230)
 * </pre>
 *
 * One without DE 90, or whose original is unknown, not an authorization or not approved, is
 * acknowledged and recorded, not forwarded. Repeats are answered from the first one's reply.
 */
final class CompletionAdvice {
    /** Caspian's own reason code for an owed completion advice (not sent on the wire). */
    static final String REASON_COMPLETION = "COMP";

    private final SwitchEngine engine;

    CompletionAdvice(SwitchEngine engine) {
        this.engine = engine;
    }

    void onAdvice(String acquirer, IsoMessage message) {
        Optional<AdviceIntake.Taken> taken = AdviceIntake.take(engine, acquirer, message,
                "duplicate_advices");
        if (taken.isEmpty()) {
            return;
        }
        CanonicalMessage c = taken.get().message();
        String key = taken.get().duplicateKey();
        SchemeSettings acq = engine.settings.scheme(acquirer);
        Instant now = engine.scheduler.now();
        Exchange r = new Exchange(engine.ids.next(now), acquirer, message, c, System.nanoTime(),
                now, key);
        engine.duplicates.remember(key, r, engine.scheduler.now().toEpochMilli());
        ReversalTarget original = c.original() == null ? null
                : new AcquirerReversal(engine).original(acquirer, c);
        r.record = engine.records.received(r);
        String refused = refusal(original, c);
        if (refused != null) {
            engine.stats.count("advices_not_forwarded");
            List<StoreWrite> writes = List.of(
                    new StoreWrite.InsertTransaction(AcquirerReversal.withOriginal(r,
                            refused.equals("ORIGINAL_NOT_FOUND") ? null : original, c.amount(),
                            c.amount()), "ADVICE_RECEIVED"),
                    engine.records.transition(r, TransactionState.DECLINED, refused,
                            engine.records.answeredFields(r, null, Reason.ACCEPTED, null)));
            acknowledgeAfterCommit(writes, r, null);
            return;
        }
        r.issuer = original.issuer();
        Money amount = AtOriginalRate.convert(original, c.amount());
        Owed owed = new Owed(r.id, SafKind.ADVICE, original.issuer(), original.pan(),
                original.processingCode(), amount, original.issuerMti(), original.sent(),
                original.terminalId(), original.merchantId(), REASON_COMPLETION, c.authCode(),
                engine.scheduler.now());
        settlePosition(original, amount);
        List<StoreWrite> writes = List.of(
                new StoreWrite.InsertTransaction(AcquirerReversal.withOriginal(r, original,
                        c.amount(), amount), "ADVICE_RECEIVED"),
                engine.records.transition(r, TransactionState.ADVICE_PENDING,
                        "COMPLETION_OWED_TO_ISSUER", TransitionFields.answered(null,
                                acq.wire().codes().code(Reason.ACCEPTED), c.authCode())),
                new StoreWrite.EnqueueSaf(TimeoutReversal.item(engine, owed)));
        acknowledgeAfterCommit(writes, r, owed);
    }

    /**
     * The authorization took its amount from the issuing scheme's settlement position; the
     * completion's final amount replaces it. A smaller one gives the difference back, a larger
     * one takes the excess (an advice reports what happened and is not refused, so this may
     * pass the net debit cap). {@link Recovery} counts completions the same way.
     */
    private void settlePosition(ReversalTarget original, Money finalAmount) {
        TransactionType type = TransactionType.fromProcessingCode(original.processingCode());
        if (type == null || !type.debitsCardholder()) {
            return;
        }
        long back = original.issuerAmount().minor() - finalAmount.minor();
        engine.positions.release(original.issuer(), back);
        Exchange live = original.live();
        if (live != null) {
            live.reservedMinor -= back;
        }
        engine.stats.count(back >= 0 ? "completions_released" : "completions_took_more");
    }

    /** Why the advice is not forwarded, as a phrase; null when it is. */
    private static String refusal(ReversalTarget original, CanonicalMessage c) {
        if (original == null) {
            return "ORIGINAL_NOT_FOUND";
        }
        if (original.issuerMti().messageClass() != Mti.CLASS_AUTHORIZATION) {
            return "ORIGINAL_NOT_AN_AUTHORIZATION";
        }
        Exchange live = original.live();
        boolean approved = live == null ? original.issuerMayHaveApproved()
                : live.state() == TransactionState.APPROVED
                        || live.state() == TransactionState.ADVICE_PENDING
                        || live.state() == TransactionState.ADVISED;
        if (!approved || original.issuerAmount() == null) {
            return "ORIGINAL_NOT_APPROVED";
        }
        if (c.amount() == null || original.acquirerAmount() == null
                || !c.amount().currency().equals(original.acquirerAmount().currency())) {
            return "COMPLETION_CURRENCY_DIFFERS";
        }
        return null;
    }

    private void acknowledgeAfterCommit(List<StoreWrite> writes, Exchange r, Owed owed) {
        engine.store.submit(writes).whenComplete((ok, error) -> engine.scheduler.execute(() -> {
            // Acknowledge only what is recorded; otherwise the acquirer repeats (x221).
            Reason reason = error == null ? Reason.ACCEPTED : Reason.SYSTEM_MALFUNCTION;
            if (error == null && owed != null) {
                engine.saf.add(owed);
                engine.stats.count("completions_received");
                engine.saf.sendDue(owed.target);
            }
            IsoMessage reply = engine.reply(r.acquirer, r.request, reason, null, null, null);
            if (error == null) {
                engine.duplicates.answered(r.duplicateKey, reply);
            }
        }));
    }
}
