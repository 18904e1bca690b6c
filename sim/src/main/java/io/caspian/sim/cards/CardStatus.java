package io.caspian.sim.cards;

/** What the issuer lets a card do. */
public enum CardStatus {
    /** Usable. */
    ACTIVE,
    /** Usable for nothing: lost, stolen, closed. */
    BLOCKED,
    /** The cardholder may not use it for this kind of transaction (e.g. no cash). */
    RESTRICTED
}
