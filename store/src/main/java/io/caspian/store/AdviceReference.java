package io.caspian.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The numbering of a stand-in advice sent under a STAN of its own (a stand-in approval made
 * after the issuer timed out): what an acquirer's reversal of the approval must name.
 *
 * @param stan our trace number of the advice on the issuer link (DE 11), up to 12 digits
 * @param sentAt the advice's transmission time (DE 7), kept to the microsecond
 */
public record AdviceReference(String stan, Instant sentAt) {
    public AdviceReference {
        Invariants.requiredText(stan, "advice stan", 12);
        // Both databases keep microseconds; truncating here makes a record read back equal.
        sentAt = Invariants.present(sentAt, "advice sentAt").truncatedTo(ChronoUnit.MICROS);
    }
}
