package io.caspian.store;

/**
 * The states a transaction is recorded in. The state machine itself (which edges are legal)
 * lives in {@code core}; the store only records states and refuses a transition whose
 * {@code from} is not the row's current state.
 *
 * <pre>
 * RECEIVED → ROUTED → SENT ─┬─► APPROVED | DECLINED
 *                           ├─► TIMED_OUT ─► REVERSAL_PENDING ─► REVERSED
 *                           └─► STOOD_IN  ─► ADVICE_PENDING  ─► ADVISED
 * </pre>
 *
 * <p>Stored as the constant's name in {@code card_transaction.state}; renaming a constant
 * needs a migration.
 */
public enum TransactionState {
    RECEIVED(false),
    ROUTED(false),
    SENT(false),
    APPROVED(true),
    DECLINED(true),
    TIMED_OUT(false),
    REVERSAL_PENDING(false),
    REVERSED(true),
    STOOD_IN(false),
    ADVICE_PENDING(false),
    ADVISED(true);

    private final boolean resolved;

    TransactionState(boolean resolved) {
        this.resolved = resolved;
    }

    /**
     * Whether nothing more is owed for a transaction in this state. An unresolved
     * transaction found on start may have been approved by the issuer without the acquirer
     * hearing so, or may still owe a reversal or an advice: recovery must finish it
     * (DESIGN.md I2).
     */
    public boolean isResolved() {
        return resolved;
    }
}
