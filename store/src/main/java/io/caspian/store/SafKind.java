package io.caspian.store;

/** What a store-and-forward item owes a scheme. */
public enum SafKind {
    /** A 0420 reversal, repeated until the scheme's 0430 (DESIGN.md I2). */
    REVERSAL,
    /** A 0120 advice of a stand-in approval, repeated until the scheme's 0130. */
    ADVICE
}
