package io.caspian.core.txn;

/**
 * Why a transaction ended as it did, in full phrases; each scheme maps them to its own
 * response or action codes through the code table in its configuration.
 */
public enum Reason {
    APPROVED(true),
    DO_NOT_HONOUR(false),
    INVALID_TRANSACTION(false),
    INVALID_AMOUNT(false),
    INVALID_CARD(false),
    FORMAT_ERROR(false),
    INSUFFICIENT_FUNDS(false),
    EXPIRED_CARD(false),
    INCORRECT_PIN(false),
    NOT_PERMITTED(false),
    EXCEEDS_LIMIT(false),
    LATE_RESPONSE(false),
    ISSUER_UNAVAILABLE(false),
    DUPLICATE_TRANSMISSION(false),
    SYSTEM_MALFUNCTION(false),
    /** The message's MAC did not verify under the link's MAC key. */
    MAC_INVALID(false),
    /** The card, its IIN, the merchant category or the country is blocked by screening. */
    RESTRICTED_CARD(false),
    /** The card's velocity limit for the day is reached. */
    EXCEEDS_FREQUENCY(false),
    /** Approving would take the issuing scheme past its prefunded net debit cap. */
    SETTLEMENT_CAP_REACHED(false),
    /** The acknowledgement of a reversal or advice. */
    ACCEPTED(true),
    /** The acceptance of a network management request. */
    NETWORK_ACCEPTED(true);

    private final boolean approval;

    Reason(boolean approval) {
        this.approval = approval;
    }

    public boolean isApproval() {
        return approval;
    }
}
