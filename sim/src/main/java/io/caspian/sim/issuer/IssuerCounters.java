package io.caspian.sim.issuer;

import io.caspian.sim.wire.Outcome;
import java.util.Map;

/**
 * A snapshot of what an issuer host has answered since start.
 *
 * @param requests x100 and x200 received (repeats included)
 * @param advices x120 and x220 received (repeats included)
 * @param duplicates requests or advices whose original was already answered: answered
 *     again with the first answer, no second posting
 * @param reversalsApplied reversals that cancelled a posting
 * @param reversalsWithoutEffect reversals acknowledged with nothing to cancel: a repeat,
 *     an unknown original, or an original that was declined
 * @param hsmRefusals PIN blocks the HSM could not decode (answered as incorrect PIN)
 * @param outcomes answers to requests and advices by outcome
 */
public record IssuerCounters(long requests, long advices, long duplicates,
        long reversalsApplied, long reversalsWithoutEffect, long hsmRefusals,
        Map<Outcome, Long> outcomes) {

    public IssuerCounters {
        outcomes = Map.copyOf(outcomes);
    }

    public long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }
}
