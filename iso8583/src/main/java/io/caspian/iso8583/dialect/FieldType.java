package io.caspian.iso8583.dialect;

/** ISO 8583 content types: what characters (or bytes) a field may hold. */
public enum FieldType {
    /** Digits 0-9. */
    N("n"),
    /** Letters and space. */
    A("a"),
    /** Letters, digits and space. */
    AN("an"),
    /** Printable ASCII 0x20-0x7E. */
    ANS("ans"),
    /** Bytes. */
    B("b"),
    /** Track 2/3 code set: digits and the field separator {@code =}. */
    Z("z"),
    /** {@code C} (credit) or {@code D} (debit) followed by digits. */
    X_N("x+n");

    private final String code;

    FieldType(String code) {
        this.code = code;
    }

    /** The type as written in a dialect file and in ISO 8583, e.g. {@code ans}. */
    public String code() {
        return code;
    }

    /** Whether the content is characters (everything but {@code b}). */
    public boolean isText() {
        return this != B;
    }

    public static FieldType fromCode(String code) {
        for (FieldType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** Whether an ASCII character belongs to this type's character set. */
    public boolean allows(int c) {
        switch (this) {
            case N:
                return c >= '0' && c <= '9';
            case A:
                return isLetter(c) || c == ' ';
            case AN:
                return isLetter(c) || (c >= '0' && c <= '9') || c == ' ';
            case ANS:
                return c >= 0x20 && c <= 0x7E;
            case Z:
                return (c >= '0' && c <= '9') || c == '=';
            case X_N:
                return (c >= '0' && c <= '9') || c == 'C' || c == 'D';
            default:
                return true;
        }
    }

    private static boolean isLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
