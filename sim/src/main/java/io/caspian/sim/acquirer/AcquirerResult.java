package io.caspian.sim.acquirer;

import io.caspian.sim.wire.Money;
import io.caspian.sim.wire.Outcome;

/**
 * What became of one request.
 *
 * @param request what was asked
 * @param status answered, timed out, or never sent
 * @param outcome the answer as a phrase; null unless answered with a code the model lists
 * @param code DE 39 as received; empty unless answered
 * @param latencyNanos from sending (or from the intended start, for open-loop load) to the
 *     answer or the timeout
 * @param balance DE 54 of an approved balance inquiry; null otherwise
 * @param holderName DE 48 holder name of an approved name inquiry; null otherwise
 * @param stan DE 11 of the request
 * @param rrn DE 37 of the request
 */
public record AcquirerResult(AcquirerRequest request, Status status, Outcome outcome,
        String code, long latencyNanos, Money balance, String holderName, long stan,
        String rrn) {

    /** Whether the request was answered. */
    public enum Status {
        ANSWERED,
        TIMED_OUT,
        /** The link refused it, or the HSM would not build its PIN block. */
        NOT_SENT
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
