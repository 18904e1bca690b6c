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
    /** The acknowledgement of a reversal or advice. */
    ACCEPTED(true);

    private final boolean approval;

    Reason(boolean approval) {
        this.approval = approval;
    }

    public boolean isApproval() {
        return approval;
    }
}
