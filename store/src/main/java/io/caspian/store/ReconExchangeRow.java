package io.caspian.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One exchange of reconciliation totals with a scheme (table {@code recon_exchange}).
 * Totals are eight numbers in this order: debits, their minor units, debit reversals,
 * theirs, credits, theirs, credit reversals, theirs.
 *
 * @param outcome {@code IN_BALANCE}, {@code OUT_OF_BALANCE} or {@code NO_ANSWER}
 * @param ours Caspian's totals (8 numbers)
 * @param theirs the scheme's totals (8 numbers), or null when it did not answer
 * @param differences one line per transaction that differs, LF-separated; empty if none
 */
public record ReconExchangeRow(UUID id, String scheme, LocalDate businessDate,
        Instant exchangedAt, String outcome, int currency, long[] ours, long[] theirs,
        int differenceCount, String differences) {

    /** Columns of one side's totals, without the {@code our_}/{@code their_} prefix. */
    static final String[] TOTALS = {"debits", "debits_minor", "debit_reversals",
        "debit_reversals_minor", "credits", "credits_minor", "credit_reversals",
        "credit_reversals_minor"};

    public ReconExchangeRow {
        Invariants.present(id, "id");
        Invariants.requiredText(scheme, "scheme", 16);
        Invariants.present(businessDate, "business date");
        Invariants.present(exchangedAt, "exchanged at");
        Invariants.requiredText(outcome, "outcome", 16);
        Invariants.check(ours != null && ours.length == TOTALS.length, "8 totals of ours");
        Invariants.check(theirs == null || theirs.length == TOTALS.length,
                "8 totals of theirs");
        Invariants.check(differences != null && differences.length() <= 20000,
                "differences up to 20000 characters");
        ours = ours.clone();
        theirs = theirs == null ? null : theirs.clone();
    }

    @Override
    public long[] ours() {
        return ours.clone();
    }

    @Override
    public long[] theirs() {
        return theirs == null ? null : theirs.clone();
    }
}
