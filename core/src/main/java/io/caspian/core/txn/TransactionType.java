package io.caspian.core.txn;

/** What the cardholder does, from the first two digits of the processing code (DE 3). */
public enum TransactionType {
    PURCHASE("00"),
    CASH_WITHDRAWAL("01"),
    REFUND("20"),
    BALANCE_INQUIRY("31"),
    NAME_INQUIRY("33"),
    TRANSFER("40");

    private final String code;

    TransactionType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether an approval moves money from the cardholder to the acquirer's side. */
    public boolean debitsCardholder() {
        return this == PURCHASE || this == CASH_WITHDRAWAL || this == TRANSFER;
    }

    /** Whether an approval moves money at all (balance and name inquiries do not). */
    public boolean movesMoney() {
        return this != BALANCE_INQUIRY && this != NAME_INQUIRY;
    }

    public static TransactionType fromProcessingCode(String pc) {
        if (pc == null || pc.length() < 2) {
            return null;
        }
        String head = pc.substring(0, 2);
        for (TransactionType t : values()) {
            if (t.code.equals(head)) {
                return t;
            }
        }
        return null;
    }
}
