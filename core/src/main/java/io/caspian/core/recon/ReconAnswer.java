package io.caspian.core.recon;

/**
 * A scheme's answer to Caspian's reconciliation request.
 *
 * @param scheme the scheme that answered
 * @param ours the totals Caspian sent
 * @param theirs the totals the scheme answered with (its own ledger)
 * @param inBalance DE 66 = 1: the scheme found them equal to its own; 2: out of balance
 */
public record ReconAnswer(String scheme, ReconTotals ours, ReconTotals theirs,
        boolean inBalance) {
}
