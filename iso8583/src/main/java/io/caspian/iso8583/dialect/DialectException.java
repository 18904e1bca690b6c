package io.caspian.iso8583.dialect;

/**
 * A dialect file that cannot be used. The message names the file, the field (when the fault
 * is in one) and why, in one line: {@code dialects/acme.yaml: field 35: max 120 is over the
 * LL limit of 99}.
 */
public final class DialectException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int field;

    public DialectException(String source, int field, String reason) {
        super(source + ": " + (field > 0 ? "field " + field + ": " : "") + reason);
        this.source = source;
        this.field = field;
    }

    /** The file path or resource name the dialect came from. */
    public String source() {
        return source;
    }

    /** The field at fault, or 0 when the fault is outside the field list. */
    public int field() {
        return field;
    }
}
