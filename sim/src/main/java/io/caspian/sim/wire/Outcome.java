package io.caspian.sim.wire;

/**
 * What an issuer decided, or what an acquirer was told, as a full phrase; each
 * {@link WireModel} maps it to its response or action code.
 */
public enum Outcome {
    APPROVED,
    DO_NOT_HONOUR,
    EXPIRED_CARD,
    INVALID_CARD_NUMBER,
    INSUFFICIENT_FUNDS,
    INCORRECT_PIN,
    TRANSACTION_NOT_PERMITTED,
    INVALID_TRANSACTION,
    INVALID_AMOUNT,
    EXCEEDS_WITHDRAWAL_LIMIT,
    FORMAT_ERROR,
    ISSUER_INOPERATIVE,
    ISSUER_TIMED_OUT,
    DUPLICATE_TRANSMISSION,
    SYSTEM_MALFUNCTION,
    /** A reversal's acknowledgement (Mir 00, Shetab 0400). */
    REVERSAL_ACCEPTED
}
