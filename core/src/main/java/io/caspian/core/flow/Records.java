package io.caspian.core.flow;

import io.caspian.core.conversion.Conversion;
import io.caspian.core.money.Money;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.Reason;
import io.caspian.hsm.Pan;
import io.caspian.store.AcquirerReference;
import io.caspian.store.Amount;
import io.caspian.store.Fees;
import io.caspian.store.IssuerReference;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransitionFields;
import io.caspian.store.pan.ProtectedPan;

/** Turns exchanges into the store's records and writes; never a PIN block or track data. */
final class Records {
    private final SwitchEngine engine;

    Records(SwitchEngine engine) {
        this.engine = engine;
    }

    TransactionRecord received(Exchange x) {
        CanonicalMessage c = x.canonical;
        SchemeSettings acq = engine.settings.scheme(x.acquirer);
        return new TransactionRecord(x.id, x.receivedAt, x.acquirer,
                x.issuer == null ? "unrouted" : x.issuer, c.acceptor().channel(),
                c.mti().toString(), c.processingCode() == null ? "000000" : c.processingCode(),
                protectedPan(x), amount(c.amount()), null, null, null,
                acquirerReference(c), null, engine.businessDate(acq), TransactionState.RECEIVED,
                null, null, null, false, null, Fees.NONE);
    }

    /** One HSM round for encryption and look-up hash together, reused for the request. */
    ProtectedPan protectedPan(Exchange x) {
        if (x.protectedPan == null) {
            x.protectedPan = engine.pans.protect(Pan.of(x.canonical.pan()));
        }
        return x.protectedPan;
    }

    static AcquirerReference acquirerReference(CanonicalMessage c) {
        String mcc = c.acceptor().mcc();
        return new AcquirerReference(c.stan(), c.rrn(), c.acceptor().terminalId(),
                c.acceptor().merchantId(), mcc != null && mcc.length() == 4 ? mcc : null,
                c.acquirerInstitution(), c.transmissionTime());
    }

    static Amount amount(Money m) {
        return m == null ? null
                : new Amount(m.minor(), m.currency().numeric(), m.currency().exponent());
    }

    StoreWrite transition(Exchange x, TransactionState to, String cause,
            TransitionFields fields) {
        TransactionState from = x.transitionTo(to);
        return new StoreWrite.Transition(x.id, from, to, cause, engine.scheduler.now(), fields);
    }

    TransitionFields routedFields(Exchange x) {
        Conversion conv = x.conversion;
        return TransitionFields.routed(amount(conv.target()), amount(conv.target()),
                conv.appliedRate());
    }

    TransitionFields sentFields(Exchange x) {
        return TransitionFields.sent(new IssuerReference(x.ours.stan(), x.ours.rrn()));
    }

    TransitionFields answeredFields(Exchange x, String issuerCode, Reason reason,
            String authCode) {
        String ours = engine.settings.scheme(x.acquirer).wire().codes().code(reason);
        return TransitionFields.answered(issuerCode, ours, authCode);
    }
}
