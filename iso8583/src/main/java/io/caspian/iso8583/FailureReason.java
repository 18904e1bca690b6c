package io.caspian.iso8583;

/** Why a message, a frame or a value does not fit its dialect. Full phrases, one each. */
public enum FailureReason {
    TRUNCATED("the message ends inside this element"),
    BAD_MTI("the MTI is not four digits of this dialect's ISO version"),
    BAD_BITMAP("the bitmap is not valid"),
    FIELD_NOT_IN_DIALECT("the bitmap announces a field this dialect does not declare"),
    BAD_LENGTH_PREFIX("the length prefix is not a decimal number"),
    LENGTH_OUT_OF_RANGE("the length is outside the field's min..max"),
    BAD_CHARACTER("a character is not allowed by the field's type"),
    BAD_BCD("a BCD nibble is not a digit or the padding is wrong"),
    BAD_HEX("a hex character is not 0-9 or A-F"),
    BAD_STRUCTURE("the subfields or TLV data inside the field do not parse"),
    TRAILING_BYTES("bytes remain after the last field"),
    MISSING_MTI("the message has no MTI"),
    BAD_VALUE("the value does not fit the field"),
    FRAME_TOO_LONG("the frame is longer than the link's maximum"),
    BAD_FRAME_HEADER("the frame's length header is not valid"),
    BAD_TPDU("the TPDU header is not valid");

    private final String phrase;

    FailureReason(String phrase) {
        this.phrase = phrase;
    }

    /** A sentence fragment for operators, e.g. "the length prefix is not a decimal number". */
    public String phrase() {
        return phrase;
    }
}
