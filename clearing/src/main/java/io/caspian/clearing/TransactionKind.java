package io.caspian.clearing;

/**
 * The transaction type clearing cares about, from the first two digits of the processing
 * code (ISO 8583 DE 3), and which way an approval moves the cardholder's money.
 */
public enum TransactionKind {
    PURCHASE("00", 1),
    CASH_WITHDRAWAL("01", 1),
    REFUND("20", -1),
    BALANCE_INQUIRY("31", 0),
    NAME_INQUIRY("33", 0),
    TRANSFER("40", 1),
    OTHER("", 0);

    private final String code;
    private final int sign;

    TransactionKind(String code, int sign) {
        this.code = code;
        this.sign = sign;
    }

    /** +1 debits the cardholder, -1 credits them (a refund), 0 moves no money. */
    public int sign() {
        return sign;
    }

    public static TransactionKind of(String processingCode) {
        if (processingCode != null && processingCode.length() >= 2) {
            String head = processingCode.substring(0, 2);
            for (TransactionKind k : values()) {
                if (k.code.equals(head)) {
                    return k;
                }
            }
        }
        return OTHER;
    }
}
