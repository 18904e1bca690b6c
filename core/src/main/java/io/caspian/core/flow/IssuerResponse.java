package io.caspian.core.flow;

import io.caspian.core.txn.Reason;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's x110/x210: matched by Caspian's own STAN (and RRN) on that link, recorded,
 * then passed on to the acquirer. A response with no waiting request is late: its
 * transaction already owes a reversal (timeout), so it is counted and never passed on.
 */
final class IssuerResponse {
    private static final Logger LOG = LoggerFactory.getLogger(IssuerResponse.class);

    private final SwitchEngine engine;

    IssuerResponse(SwitchEngine engine) {
        this.engine = engine;
    }

    void onResponse(String issuer, IsoMessage response) {
        String stan = response.getString(11);
        String code = response.getString(39);
        Reason reason = engine.settings.scheme(issuer).wire().codes().reason(code);
        Exchange x = stan == null ? null : engine.pending.get(issuer + "|" + stan);
        if (x == null || !sameRrn(x, response)) {
            engine.stats.count("late_responses");
            if (reason.isApproval()) {
                // Its request timed out and a reversal is already owed (TimeoutReversal).
                engine.stats.count("late_approvals");
            }
            LOG.info("{}: response {} stan={} matches no waiting request (late or unknown)",
                    issuer, response.mti(), stan);
            return;
        }
        engine.pending.remove(issuer + "|" + stan);
        x.timer.cancel();
        String authCode = response.getString(38);
        if (reason == Reason.APPROVED) {
            engine.finish(x, TransactionState.APPROVED, Reason.APPROVED, code,
                    authCode == null ? null : authCode.trim(), "ISSUER_APPROVED");
        } else {
            engine.finish(x, TransactionState.DECLINED, reason, code, null, "ISSUER_DECLINED");
        }
    }

    private static boolean sameRrn(Exchange x, IsoMessage response) {
        String rrn = response.getString(37);
        return rrn == null || rrn.trim().equals(x.ours.rrn());
    }
}
