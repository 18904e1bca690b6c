package io.caspian.iso8583;

/**
 * A message that violates its dialect: which message, which field, where and why. Field 0 is
 * the MTI, field 1 the bitmaps, -1 the frame or the message as a whole. The detail never
 * carries the content of a sensitive field.
 *
 * @param mti the MTI when it was read, else an empty string
 * @param field the data element at fault
 * @param offset byte offset from the start of the message (after any framing header)
 * @param reason the kind of fault
 * @param detail one line with the specifics
 */
public record CodecFailure(String mti, int field, int offset, FailureReason reason,
        String detail) {

    /** One line for logs and CLI errors. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!mti.isEmpty()) {
            sb.append("MTI ").append(mti).append(", ");
        }
        if (field == 0) {
            sb.append("MTI");
        } else if (field == 1) {
            sb.append("bitmap");
        } else if (field > 1) {
            sb.append("field ").append(field);
        } else {
            sb.append("message");
        }
        sb.append(" at offset ").append(offset).append(": ").append(reason.phrase());
        if (!detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
