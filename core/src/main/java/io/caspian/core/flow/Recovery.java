package io.caspian.core.flow;

import io.caspian.core.mapping.Outbound;
import io.caspian.core.money.Currency;
import io.caspian.core.money.Money;
import io.caspian.core.saf.Owed;
import io.caspian.core.txn.Mti;
import io.caspian.store.Amount;
import io.caspian.store.SafItem;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On start, before traffic: every transaction left between "sent to issuer" and "answered"
 * owes a reversal (DESIGN.md I2); one recorded but never sent is declined; and every owed
 * reversal or advice in the store goes back into the send queue.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final int SAF_LOAD_MAX = 100_000;

    private final SwitchEngine engine;

    Recovery(SwitchEngine engine) {
        this.engine = engine;
    }

    void run() {
        int reversals = 0;
        for (TransactionRecord t : engine.store.unresolved()) {
            List<StoreWrite> writes = new ArrayList<>();
            Instant now = engine.scheduler.now();
            switch (t.state()) {
                case RECEIVED, ROUTED -> writes.add(new StoreWrite.Transition(t.id(), t.state(),
                        TransactionState.DECLINED, "RECOVERY_NEVER_SENT", now,
                        TransitionFields.NONE));
                case SENT, TIMED_OUT -> {
                    if (t.state() == TransactionState.SENT) {
                        writes.add(new StoreWrite.Transition(t.id(), TransactionState.SENT,
                                TransactionState.TIMED_OUT, "RECOVERY_NO_ANSWER", now,
                                TransitionFields.NONE));
                    }
                    writes.add(new StoreWrite.Transition(t.id(), TransactionState.TIMED_OUT,
                            TransactionState.REVERSAL_PENDING, "RECOVERY_REVERSAL_OWED", now,
                            TransitionFields.NONE));
                    writes.add(new StoreWrite.EnqueueSaf(SafItem.owed(t.id(), SafKind.REVERSAL,
                            t.issuerScheme(), reversalMti(t), TimeoutReversal.REASON_TIMEOUT,
                            t.issuerAmount().minor(), t.issuerAmount().currency(), now)));
                    reversals++;
                }
                default -> {
                }
            }
            if (!writes.isEmpty()) {
                engine.store.submit(writes).join();
            }
        }
        int loaded = 0;
        for (SafItem item : engine.store.pendingSaf(SAF_LOAD_MAX)) {
            Optional<Owed> owed = owed(item);
            if (owed.isPresent()) {
                engine.saf.add(owed.get());
                loaded++;
            }
        }
        LOG.info("recovery: {} reversals newly owed, {} owed messages loaded", reversals, loaded);
        engine.stats.add("recovered_reversals", reversals);
    }

    private String reversalMti(TransactionRecord t) {
        return new Mti(engine.settings.scheme(t.issuerScheme()).wire().version(),
                Mti.CLASS_REVERSAL, Mti.FUNCTION_ADVICE, 0).toString();
    }

    /** Rebuilds an owed message from the store: the PAN is revealed from its encrypted copy. */
    private Optional<Owed> owed(SafItem item) {
        Optional<TransactionRecord> row = engine.store.findById(item.transactionId());
        if (row.isEmpty() || engine.settings.scheme(item.targetScheme()) == null) {
            LOG.warn("owed {} of {}: no transaction or unknown scheme", item.kind(),
                    item.transactionId());
            return Optional.empty();
        }
        TransactionRecord t = row.get();
        TransactionRecord sentOne = t;
        if (t.originalId() != null) {
            sentOne = engine.store.findById(t.originalId()).orElse(t);
        }
        if (sentOne.issuer() == null || sentOne.issuerAmount() == null) {
            return Optional.empty();
        }
        Money amount = money(new Amount(item.amountMinor(), item.currency(),
                sentOne.issuerAmount().exponent()), t.businessDate());
        // What was sent follows from the record: DE 7 is its creation time, DE 12 that time
        // in the acquirer's zone (SwitchEngine.numberOutbound).
        Outbound original = new Outbound(sentOne.issuer().stan(), sentOne.issuer().rrn(),
                sentOne.createdAt(), engine.localTimeSent(sentOne.createdAt(),
                        sentOne.acquirerScheme()));
        Owed o = new Owed(t.id(), item.kind(), item.targetScheme(),
                engine.pans.reveal(sentOne.pan()).digits(), sentOne.processingCode(), amount,
                Mti.parse(sentOne.mti()), original, sentOne.acquirer().terminalId(),
                sentOne.acquirer().merchantId(), item.reasonCode(), sentOne.authCode(),
                item.nextAttemptAt());
        o.attempts = item.attempts();
        return Optional.of(o);
    }

    private Money money(Amount a, LocalDate on) {
        Currency known = engine.settings.currencies().byNumeric(a.currency(), on)
                .orElseThrow(() -> new IllegalStateException("unknown currency " + a.currency()));
        return new Money(a.minor(), new Currency(known.alpha(), a.currency(), a.exponent()));
    }
}
