package io.caspian.iso8583.dialect;

/** How a value shorter than a fixed field is filled when a message is built. */
public enum Padding {
    ZEROS_LEFT("zeros-left"),
    SPACES_RIGHT("spaces-right"),
    NONE("none");

    private final String code;

    Padding(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The ISO 8583 convention: numbers are right-aligned with zeros, text left-aligned. */
    public static Padding defaultFor(FieldType type) {
        switch (type) {
            case N:
                return ZEROS_LEFT;
            case A:
            case AN:
            case ANS:
                return SPACES_RIGHT;
            default:
                return NONE;
        }
    }

    public static Padding fromCode(String code) {
        for (Padding p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }
}
