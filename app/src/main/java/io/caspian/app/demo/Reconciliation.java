package io.caspian.app.demo;

import io.caspian.core.txn.TransactionType;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo's closing check, per direction: approvals the acquirers saw, approvals the
 * switch stored (net of refunds and acquirer reversals) and the issuers' ledgers must agree
 * to the minor unit, each side in its own currency.
 */
final class Reconciliation {
    /** States in which the acquirer was told "approved" and the approval stands. */
    private static final Set<TransactionState> APPROVED = EnumSet.of(TransactionState.APPROVED,
            TransactionState.STOOD_IN, TransactionState.ADVICE_PENDING, TransactionState.ADVISED);
    private static final Set<TransactionState> COMPLETED = EnumSet.of(
            TransactionState.ADVICE_PENDING, TransactionState.ADVISED);
    private static final Set<TransactionState> REVERSING = EnumSet.of(
            TransactionState.REVERSAL_PENDING, TransactionState.REVERSED);

    /** Stored totals of one direction. */
    record Stored(long approvals, long acquirerNetMinor, long issuerNetMinor) {
    }

    private Reconciliation() {
    }

    static Stored stored(List<TransactionRecord> rows, String acquirer, String issuer) {
        Map<UUID, TransactionRecord> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        long approvals = 0;
        long acq = 0;
        long iss = 0;
        for (TransactionRecord r : rows) {
            if (!r.acquirerScheme().equals(acquirer) || !r.issuerScheme().equals(issuer)) {
                continue;
            }
            int messageClass = r.mti().charAt(1) - '0';
            // A completion advice (tied to its authorization) is not a second approval.
            if ((messageClass == 1 || messageClass == 2) && r.originalId() == null
                    && APPROVED.contains(r.state())) {
                int sign = sign(r);
                if (sign != 0) {
                    approvals++;
                    acq += sign * r.acquirerAmount().minor();
                    iss += sign * r.issuerAmount().minor();
                }
            } else if (messageClass == 2 && r.originalId() != null
                    && COMPLETED.contains(r.state()) && r.issuerAmount() != null) {
                // A completion advice forwarded to the issuer: its final amount replaces its
                // authorization's (the issuer and the acquirer count it the same way).
                TransactionRecord original = byId.get(r.originalId());
                if (original == null || !APPROVED.contains(original.state())
                        || original.mti().charAt(1) != '1') {
                    continue;
                }
                int sign = sign(original);
                acq += sign * (r.acquirerAmount().minor() - original.acquirerAmount().minor());
                iss += sign * (r.issuerAmount().minor() - original.issuerAmount().minor());
            } else if (messageClass == 4 && r.originalId() != null
                    && REVERSING.contains(r.state())) {
                TransactionRecord original = byId.get(r.originalId());
                // A reversal cancels only an approval that stands; one whose original ended
                // declined or timed out (already reversed by the switch) cancels nothing.
                if (original == null || !APPROVED.contains(original.state())) {
                    continue;
                }
                int sign = sign(original);
                acq -= sign * r.acquirerAmount().minor();
                iss -= sign * (r.issuerAmount() == null ? 0 : r.issuerAmount().minor());
            }
        }
        return new Stored(approvals, acq, iss);
    }

    /** +1 for what debits the cardholder, -1 for a refund, 0 for what moves no money. */
    private static int sign(TransactionRecord r) {
        TransactionType t = TransactionType.fromProcessingCode(r.processingCode());
        if (t == null || !t.movesMoney()) {
            return 0;
        }
        return t == TransactionType.REFUND ? -1 : 1;
    }
}
