package io.caspian.sim.issuer;

import io.caspian.sim.wire.Outcome;
import io.caspian.sim.wire.ProcessingCode;

/**
 * An issuer's answer to one request before it is written.
 *
 * @param outcome approved or why not
 * @param account the card's account; null for an unknown card
 * @param type what was asked; null when DE 3 is not one the issuer knows
 * @param amountMinor the amount in the account's currency; 0 for inquiries
 */
record Decision(Outcome outcome, CardAccount account, ProcessingCode type, long amountMinor) {

    static Decision decline(Outcome outcome, CardAccount account, ProcessingCode type) {
        return new Decision(outcome, account, type, 0);
    }

    boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
