package io.caspian.core.flow;

import io.caspian.core.mapping.Outbound;
import io.caspian.core.money.Currency;
import io.caspian.core.money.Money;
import io.caspian.core.saf.Owed;
import io.caspian.core.txn.Mti;
import io.caspian.store.Amount;
import io.caspian.store.CardUsage;
import io.caspian.store.ClearingRows.PrefundCredit;
import io.caspian.store.SafItem;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import io.caspian.core.txn.TransactionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** The processing-code types whose approval debits the cardholder. */
    private static final Set<String> DEBITING = Arrays.stream(TransactionType.values())
            .filter(TransactionType::debitsCardholder).map(TransactionType::code)
            .collect(Collectors.toUnmodifiableSet());

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
        restoreWindows();
        restorePositions();
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

    /**
     * Restores what the switch remembers for a while: the duplicate window (requests of the
     * last {@code duplicateWindowMs}) and today's per-card velocity and stand-in usage. The
     * usage is summed by the database per card: a busy day is millions of rows.
     */
    private void restoreWindows() {
        Instant now = engine.scheduler.now();
        long windowMs = engine.settings.duplicateWindowMs();
        int keys = 0;
        for (TransactionRecord t : engine.store.createdSince(now.minusMillis(windowMs))) {
            int messageClass = t.mti().charAt(1) - '0';
            if (t.originalId() == null && (messageClass == 1 || messageClass == 2)) {
                engine.duplicates.rememberRecovered(Duplicates.key(t), t,
                        now.toEpochMilli() + windowMs);
                keys++;
            }
        }
        int cards = 0;
        for (SchemeSettings iss : engine.settings.schemes().values()) {
            LocalDate today = engine.today(iss);
            Instant from = today.atStartOfDay(iss.zone()).toInstant();
            Instant to = today.plusDays(1).atStartOfDay(iss.zone()).toInstant();
            for (CardUsage u : engine.store.cardUsage(iss.id(), from, to, DEBITING)) {
                String card = HexFormat.of().formatHex(u.panHash().bytes());
                engine.velocity.restore(card, u.count(), u.amountMinor(), today);
                if (u.stoodIn()) {
                    engine.standIn.restore(card, Math.toIntExact(u.count()), u.amountMinor(),
                            today);
                }
                cards++;
            }
        }
        LOG.info("recovery: {} requests back in the duplicate window, {} cards' usage of the"
                + " day", keys, cards);
    }

    /**
     * Rebuilds each issuing scheme's settlement position (the net debit cap's basis) from
     * the store: the prefunded amount, less every debit that stands (approved, or approved in
     * stand-in), plus the parts of them that acquirers reversed, with each completed
     * authorization counted at its completion's amount. A request left in flight by
     * the crash is reversed above and does not count. The database sums every row
     * ({@code TransactionStore.standingDebits}); nothing is read row by row. Every prefund
     * credit settlement recorded gives back what it settled.
     */
    private void restorePositions() {
        Map<String, Long> debits = new HashMap<>(engine.store.standingDebits(DEBITING));
        debits.keySet().removeIf(scheme -> engine.settings.scheme(scheme) == null);
        for (Map.Entry<String, Long> e : debits.entrySet()) {
            engine.positions.release(e.getKey(), -e.getValue());
        }
        // Settlement gave back what it settled (clearing's prefund credits); the rows above
        // count those debits again, so every credit recorded is taken again, and one not yet
        // taken by a running switch is marked taken here.
        Map<String, Long> credits = new HashMap<>();
        for (PrefundCredit c : engine.store.clearing().prefundCredits()) {
            if (engine.settings.scheme(c.scheme()) == null) {
                continue;
            }
            engine.positions.prefund(c.scheme(), c.amountMinor());
            credits.merge(c.scheme(), c.amountMinor(), Long::sum);
            if (c.appliedAt() == null) {
                engine.store.clearing().markPrefundApplied(c.scheme(), c.businessDate(),
                        engine.scheduler.now());
            }
        }
        LOG.info("recovery: settlement positions rebuilt: debits {}, settled {}", debits,
                credits);
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
        if (item.kind() == SafKind.ADVICE
                && StandInDecision.REASON_STAND_IN_AFTER_TIMEOUT.equals(item.reasonCode())
                && sentOne.advice() != null) {
            // The request's numbering went to the issuer and is reversed: the advice keeps
            // the STAN and time of its own it was first given, so repeats stay repeats.
            original = ReversalTarget.adviceSent(sentOne, engine);
        } else if (item.kind() == SafKind.ADVICE
                && StandInDecision.REASON_STAND_IN_AFTER_TIMEOUT.equals(item.reasonCode())) {
            // A row from before V5 kept no advice numbering: number the advice afresh, with
            // the same RRN and approval code.
            Instant now = engine.scheduler.now();
            original = new Outbound(engine.numbering.get(item.targetScheme()).nextStan(),
                    sentOne.issuer().rrn(), now, engine.localTimeSent(now,
                            sentOne.acquirerScheme()));
        }
        Owed o = new Owed(t.id(), item.kind(), item.targetScheme(),
                engine.pans.reveal(sentOne.pan()).digits(), sentOne.processingCode(), amount,
                Mti.parse(sentOne.mti()), original, sentOne.acquirer().terminalId(),
                sentOne.acquirer().merchantId(), item.reasonCode(),
                item.kind() == SafKind.ADVICE && t != sentOne && t.authCode() != null
                        ? t.authCode() : sentOne.authCode(),
                item.nextAttemptAt());
        o.attempts = item.attempts();
        o.standsIn = item.kind() == SafKind.REVERSAL && t.stoodIn();
        if (item.kind() == SafKind.REVERSAL && amount.minor() < sentOne.issuerAmount().minor()) {
            o.originalAmount = money(sentOne.issuerAmount(), t.businessDate());
        }
        return Optional.of(o);
    }

    private Money money(Amount a, LocalDate on) {
        Currency known = engine.settings.currencies().byNumeric(a.currency(), on)
                .orElseThrow(() -> new IllegalStateException("unknown currency " + a.currency()));
        return new Money(a.minor(), new Currency(known.alpha(), a.currency(), a.exponent()));
    }
}
