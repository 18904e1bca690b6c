package io.caspian.store;

/** How the cardholder transacted; the switch enables each per direction. */
public enum Channel {
    ATM,
    POS,
    ECOM,
    TRANSFER
}
