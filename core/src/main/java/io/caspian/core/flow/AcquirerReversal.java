package io.caspian.core.flow;

import io.caspian.core.money.Money;
import io.caspian.core.saf.Owed;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.Digits;
import io.caspian.core.txn.Mti;
import io.caspian.core.txn.OriginalData;
import io.caspian.core.txn.Reason;
import io.caspian.core.txn.TransactionType;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reversal from an acquirer (x420/x421): matched to its original by DE 90 (original STAN
 * and transmission time) among the requests the switch remembers, recorded with a reversal
 * owed to the original's issuer, and acknowledged at once; the issuer receives it through
 * store-and-forward. A reversal with no original, or of a decline, is acknowledged and
 * recorded, not forwarded. Repeats are answered from the first one's reply.
 */
final class AcquirerReversal {
    private final SwitchEngine engine;

    AcquirerReversal(SwitchEngine engine) {
        this.engine = engine;
    }

    void onReversal(String acquirer, IsoMessage message, Mti mti) {
        Optional<AdviceIntake.Taken> taken = AdviceIntake.take(engine, acquirer, message,
                "duplicate_reversals");
        if (taken.isEmpty()) {
            return;
        }
        CanonicalMessage c = taken.get().message();
        String key = taken.get().duplicateKey();
        SchemeSettings acq = engine.settings.scheme(acquirer);
        if (recordedBefore(acquirer, c)) {
            // A repeat (x421) of a reversal recorded before a restart: acknowledged again,
            // never recorded twice, so it cancels its original once (I3).
            engine.stats.count("duplicate_reversals");
            engine.reply(acquirer, message, Reason.ACCEPTED, null, null, null);
            return;
        }
        Instant now = engine.scheduler.now();
        Exchange r = new Exchange(engine.ids.next(now), acquirer, message, c, System.nanoTime(),
                now, key);
        engine.duplicates.remember(key, r, engine.scheduler.now().toEpochMilli());
        ReversalTarget original = original(acquirer, c);
        r.record = engine.records.received(r);
        if (original == null || !original.issuerMayHaveApproved()) {
            String cause = original == null ? "ORIGINAL_NOT_FOUND"
                    : "ORIGINAL_NOT_APPROVED_OR_ALREADY_REVERSED";
            engine.stats.count("reversals_not_forwarded");
            List<StoreWrite> writes = List.of(
                    new StoreWrite.InsertTransaction(withOriginal(r, original, c.amount(),
                            original == null || original.issuerAmount() == null ? null
                                    : original.issuerAmount()), "REVERSAL_RECEIVED"),
                    engine.records.transition(r, TransactionState.DECLINED, cause,
                            engine.records.answeredFields(r, null, Reason.ACCEPTED, null)));
            commitThenAcknowledge(writes, r, null);
            return;
        }
        r.issuer = original.issuer();
        if (original.live() != null) {
            original.live().reversedByAcquirer = true;
        }
        Money remaining = remaining(acquirer, message, c, original);
        Money reversed = original.acquirerAmount() == null ? c.amount()
                : original.acquirerAmount().minus(remaining);
        Money amount = remaining.minor() == 0 ? original.issuerAmount()
                : AtOriginalRate.reversedPart(original, remaining);
        Owed owed = new Owed(r.id, SafKind.REVERSAL, original.issuer(), original.pan(),
                original.processingCode(), amount, original.issuerMti(), original.sent(),
                original.terminalId(), original.merchantId(), "4000", null,
                engine.scheduler.now());
        if (amount.minor() < original.issuerAmount().minor()) {
            engine.stats.count("partial_reversals");
            owed.originalAmount = original.issuerAmount();
        }
        giveBackToPosition(original, amount);
        List<StoreWrite> writes = List.of(
                new StoreWrite.InsertTransaction(withOriginal(r, original, reversed, amount),
                        "REVERSAL_RECEIVED"),
                engine.records.transition(r, TransactionState.REVERSAL_PENDING,
                        "REVERSAL_OWED_TO_ISSUER", TransitionFields.answered(null,
                                acq.wire().codes().code(Reason.ACCEPTED), null)),
                new StoreWrite.EnqueueSaf(TimeoutReversal.item(engine, owed)));
        commitThenAcknowledge(writes, r, owed);
    }

    private void commitThenAcknowledge(List<StoreWrite> writes, Exchange r, Owed owed) {
        engine.store.submit(writes).whenComplete((ok, error) -> engine.scheduler.execute(() -> {
            // Acknowledge only what is recorded; otherwise the acquirer repeats (x421).
            Reason reason = error == null ? Reason.ACCEPTED : Reason.SYSTEM_MALFUNCTION;
            if (error == null && owed != null) {
                engine.saf.add(owed);
                engine.stats.count("reversals_received");
                engine.saf.sendDue(owed.target);
            }
            IsoMessage reply = engine.reply(r.acquirer, r.request, reason, null, null, null);
            if (error == null) {
                engine.duplicates.answered(r.duplicateKey, reply);
            }
        }));
    }

    /** Whether this reversal (same trace number and DE 7) is already in the store. */
    private boolean recordedBefore(String acquirer, CanonicalMessage c) {
        for (TransactionRecord t : engine.store.findByAcquirerTrace(acquirer, c.stan(),
                c.transmissionTime())) {
            if (t.mti().charAt(1) - '0' == Mti.CLASS_REVERSAL) {
                return true;
            }
        }
        return false;
    }

    /** The original in memory, else (after a restart) in the store; null if neither. */
    ReversalTarget original(String acquirer, CanonicalMessage c) {
        OriginalData od = c.original();
        if (od == null) {
            return null;
        }
        int messageClass = od.mti().charAt(1) - '0';
        Exchange x = engine.duplicates.findByTrace(acquirer, od.stan(), messageClass)
                .map(s -> s.exchange).orElse(null);
        if (x != null) {
            // DE 90 carries DE 7 (ISO 8583:1987) or the local date-time (the shetab model).
            String local = x.canonical.localTime() == null ? "" : DateTimeFormatter
                    .ofPattern("yyyyMMddHHmmss").format(x.canonical.localTime());
            boolean sameTime = od.transmissionTime().equals(x.canonical.transmissionTime())
                    || od.transmissionTime().equals(local);
            return sameTime ? ReversalTarget.of(x) : null;
        }
        return stored(acquirer, c, od, messageClass);
    }

    /**
     * Looks the original up in the store: by trace number and DE 7 where DE 90 carries DE 7,
     * else by the reversal's RRN and the trace number.
     */
    private ReversalTarget stored(String acquirer, CanonicalMessage c, OriginalData od,
            int messageClass) {
        List<TransactionRecord> rows = new ArrayList<>(engine.store.findByAcquirerTrace(
                acquirer, od.stan(), od.transmissionTime()));
        if (rows.isEmpty() && c.rrn() != null) {
            for (TransactionRecord t : engine.store.findByAcquirerRrn(acquirer, c.rrn())) {
                if (od.stan().equals(t.acquirer().stan())) {
                    rows.add(t);
                }
            }
        }
        for (TransactionRecord t : rows) {
            if (t.originalId() == null && t.mti().charAt(1) - '0' == messageClass) {
                engine.stats.count("reversal_originals_from_store");
                return ReversalTarget.of(t, engine);
            }
        }
        return null;
    }

    /**
     * The reversal cancels (part of) the debit: the issuing scheme's position gets the part
     * reversed back, as {@link Recovery} counts it after a restart.
     */
    private void giveBackToPosition(ReversalTarget original, Money reversed) {
        Exchange live = original.live();
        if (live != null) {
            long back = Math.min(live.reservedMinor, reversed.minor());
            engine.positions.release(live.issuer, back);
            live.reservedMinor -= back;
            return;
        }
        TransactionType type = TransactionType.fromProcessingCode(original.processingCode());
        if (type != null && type.debitsCardholder()) {
            engine.positions.release(original.issuer(), reversed.minor());
        }
    }

    /**
     * What the original keeps after this reversal, in the acquirer's currency: DE 95's
     * actual amount where the acquirer's dialect carries replacement amounts (ISO 8583:1987:
     * DE 4 is then the original amount), else the original less DE 4 (the part reversed).
     * Zero for a full reversal.
     */
    private Money remaining(String acquirer, IsoMessage message, CanonicalMessage c,
            ReversalTarget original) {
        Money orig = original.acquirerAmount();
        if (orig == null) {
            return new Money(0, original.issuerAmount().currency());
        }
        if (engine.writers.get(acquirer).usesReplacementAmounts() && message.has(95)) {
            String de95 = message.getString(95);
            long actual = de95.length() >= 12 && Digits.exactly(de95.substring(0, 12), 12)
                    ? Long.parseLong(de95.substring(0, 12)) : 0;
            // ISO 8583:1987: zeros in DE 95 mean nothing remains (a full reversal).
            if (actual > 0 && actual < orig.minor()) {
                return new Money(actual, orig.currency());
            }
            return new Money(0, orig.currency());
        }
        if (c.amount() != null && c.amount().currency().equals(orig.currency())
                && c.amount().minor() < orig.minor()) {
            return orig.minus(c.amount());
        }
        return new Money(0, orig.currency());
    }

    /** The received message's record, tied to its original with the amounts it concerns. */
    static TransactionRecord withOriginal(Exchange r, ReversalTarget original,
            Money acquirerAmount, Money issuerAmount) {
        TransactionRecord t = r.record;
        boolean converted = original != null && original.issuerAmount() != null
                && issuerAmount != null;
        return new TransactionRecord(t.id(), t.createdAt(), t.acquirerScheme(),
                original == null ? t.issuerScheme() : original.issuer(), t.channel(), t.mti(),
                t.processingCode(), t.pan(),
                acquirerAmount == null ? t.acquirerAmount() : Records.amount(acquirerAmount),
                converted ? Records.amount(issuerAmount) : null,
                t.billingAmount(), converted ? original.rate() : null, t.acquirer(),
                t.issuer(), t.businessDate(), t.state(), t.responseCode(),
                t.issuerResponseCode(), t.authCode(), t.stoodIn(),
                original == null ? null : original.id(), t.fees());
    }
}
