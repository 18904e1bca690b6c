package io.caspian.sim.wire;

/** DE 3 transaction types (first two digits) the simulators use, in both models. */
public enum ProcessingCode {
    PURCHASE("00"),
    CASH_WITHDRAWAL("01"),
    REFUND("20"),
    BALANCE_INQUIRY("31"),
    /** Shetab model only: the holder's name for a card-to-card transfer. */
    NAME_INQUIRY("33"),
    TRANSFER("40");

    private final String digits;

    ProcessingCode(String digits) {
        this.digits = digits;
    }

    /** The first two digits of DE 3. */
    public String digits() {
        return digits;
    }

    /** DE 3 with default accounts: {@code 000000}, {@code 010000} ... */
    public String field() {
        return digits + "0000";
    }

    /** Whether an approval takes money out of the cardholder's account. */
    public boolean debits() {
        return this == PURCHASE || this == CASH_WITHDRAWAL || this == TRANSFER;
    }

    /** Whether an approval puts money into the cardholder's account. */
    public boolean credits() {
        return this == REFUND;
    }

    /** The type of a DE 3 value; null when the simulators do not know it. */
    public static ProcessingCode of(String de3) {
        if (de3 == null || de3.length() < 2) {
            return null;
        }
        String first = de3.substring(0, 2);
        for (ProcessingCode p : values()) {
            if (p.digits.equals(first)) {
                return p;
            }
        }
        return null;
    }
}
