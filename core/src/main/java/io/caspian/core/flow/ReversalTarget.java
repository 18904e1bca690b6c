package io.caspian.core.flow;

import io.caspian.core.mapping.Outbound;
import io.caspian.core.money.Currency;
import io.caspian.core.money.Money;
import io.caspian.core.txn.Mti;
import io.caspian.store.Amount;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What an acquirer's reversal refers to, from memory (an exchange of this run) or from the
 * store (one from before a restart): enough to owe the issuer a reversal of it.
 *
 * @param live the exchange when it is still in memory, else null
 */
record ReversalTarget(UUID id, String issuer, String pan, String processingCode,
        Mti issuerMti, Outbound sent, String terminalId, String merchantId, Money acquirerAmount,
        Money issuerAmount, BigDecimal rate, boolean issuerMayHaveApproved, Exchange live) {

    static ReversalTarget of(Exchange x) {
        TransactionState s = x.state();
        boolean mayHave = x.ours != null && (s == TransactionState.APPROVED
                || s == TransactionState.SENT || s == TransactionState.ADVICE_PENDING
                || s == TransactionState.ADVISED);
        // Stood in after a timeout: the approval the issuer books is the advice, so a
        // reversal names the advice (the request was reversed at the timeout).
        boolean advised = x.adviceNumbering != null;
        Mti mti = advised ? new Mti(x.issuerMti.version(), x.issuerMti.messageClass(),
                Mti.FUNCTION_ADVICE, 0) : x.issuerMti;
        return new ReversalTarget(x.id, x.issuer, x.canonical.pan(),
                x.canonical.processingCode(), mti, advised ? x.adviceNumbering : x.ours,
                x.canonical.acceptor().terminalId(), x.canonical.acceptor().merchantId(),
                x.conversion == null ? null : x.conversion.source(),
                x.conversion == null ? null : x.conversion.target(),
                x.conversion == null ? null : x.conversion.appliedRate(), mayHave, x);
    }

    /** From the record: the PAN revealed through the HSM, what was sent rebuilt from it. */
    static ReversalTarget of(TransactionRecord t, SwitchEngine engine) {
        TransactionState s = t.state();
        boolean mayHave = t.issuer() != null && t.issuerAmount() != null
                && (s == TransactionState.APPROVED || s == TransactionState.ADVICE_PENDING
                || s == TransactionState.ADVISED);
        Outbound sent = t.issuer() == null ? null : new Outbound(t.issuer().stan(),
                t.issuer().rrn(), t.createdAt(), engine.localTimeSent(t.createdAt(),
                        t.acquirerScheme()));
        Mti mti = Mti.parse(t.mti());
        if (t.advice() != null && t.issuer() != null) {
            // Stood in after a timeout (see of(Exchange)): name the advice as it was sent.
            sent = adviceSent(t, engine);
            mti = new Mti(mti.version(), mti.messageClass(), Mti.FUNCTION_ADVICE, 0);
        }
        return new ReversalTarget(t.id(), t.issuerScheme(),
                engine.pans.reveal(t.pan()).digits(), t.processingCode(), mti, sent,
                t.acquirer().terminalId(), t.acquirer().merchantId(),
                money(engine, t.acquirerAmount(), t), money(engine, t.issuerAmount(), t),
                t.conversionRate(), mayHave, null);
    }

    /** The stand-in advice's own numbering, with the request's RRN, as the record keeps it. */
    static Outbound adviceSent(TransactionRecord t, SwitchEngine engine) {
        return new Outbound(t.advice().stan(), t.issuer().rrn(), t.advice().sentAt(),
                engine.localTimeSent(t.advice().sentAt(), t.acquirerScheme()));
    }

    private static Money money(SwitchEngine engine, Amount a, TransactionRecord t) {
        if (a == null) {
            return null;
        }
        Currency known = engine.settings.currencies().byNumeric(a.currency(), t.businessDate())
                .orElseThrow(() -> new IllegalStateException("unknown currency "
                        + a.currency()));
        return new Money(a.minor(), new Currency(known.alpha(), a.currency(), a.exponent()));
    }
}
