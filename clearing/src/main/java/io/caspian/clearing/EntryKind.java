package io.caspian.clearing;

/**
 * What a clearing record is. A presentment moves money in the direction of its transaction
 * type; each later kind moves it back or forth against its original:
 *
 * <pre>
 * PRESENTMENT ─► REVERSAL (cancels all or part of it)
 *             ├► ADJUSTMENT (a completion's final amount: the difference, either way)
 *             └► CHARGEBACK ─► REPRESENTMENT ─► SECOND_CHARGEBACK
 * </pre>
 */
public enum EntryKind {
    PRESENTMENT(1),
    REVERSAL(-1),
    /** Either way: its sign against its original's type says which. */
    ADJUSTMENT(0),
    CHARGEBACK(-1),
    REPRESENTMENT(1),
    SECOND_CHARGEBACK(-1);

    private final int direction;

    EntryKind(int direction) {
        this.direction = direction;
    }

    /** +1 when the record moves money as its original did, -1 when it moves it back,
     * 0 when its sign says (an adjustment). */
    public int direction() {
        return direction;
    }

    /** Whether the kind is a dispute stage ({@link Disputes}). */
    public boolean isDispute() {
        return this == CHARGEBACK || this == REPRESENTMENT || this == SECOND_CHARGEBACK;
    }
}
