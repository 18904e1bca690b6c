package io.caspian.store;

import io.caspian.store.pan.PanHash;
import java.time.Instant;

/**
 * What the console searches transactions by; every criterion is optional (null) and they
 * combine with AND. A full PAN is never a criterion: the caller turns it into its keyed
 * look-up hash first.
 *
 * @param from created at or after, or null
 * @param to created before, or null
 * @param scheme acquirer or issuer scheme id
 * @param acquirerScheme with {@code issuerScheme}: one direction, e.g. mir then shetab
 * @param issuerScheme see {@code acquirerScheme}
 * @param panHash the card's keyed look-up hash
 * @param panLast4 the card's last four digits
 * @param rrn retrieval reference number, the acquirer's or ours towards the issuer
 * @param stan trace number, the acquirer's or ours towards the issuer
 * @param responseCode the code given to the acquirer
 * @param state the current state
 * @param amountMinMinor acquirer amount at least, in the acquirer currency's minor units
 * @param amountMaxMinor acquirer amount at most, same units
 * @param limit most rows returned, newest first; 1 to {@link #LIMIT_MAX}
 */
public record TransactionSearch(Instant from, Instant to, String scheme, String acquirerScheme,
        String issuerScheme, PanHash panHash, String panLast4, String rrn, String stan,
        String responseCode, TransactionState state, Long amountMinMinor, Long amountMaxMinor,
        int limit) {
    public static final int LIMIT_MAX = 1_000;

    public TransactionSearch {
        Invariants.check(limit >= 1 && limit <= LIMIT_MAX, "limit must be 1.." + LIMIT_MAX);
        Invariants.check(panLast4 == null || panLast4.matches("[0-9]{4}"),
                "last four must be four digits");
    }
}
