package io.caspian.iso8583.dialect;

/**
 * How one data element is written on the wire: a value, not a class per encoding
 * combination. {@code max} and {@code min} are in the type's units (digits, characters or
 * bytes); for a fixed field both equal the fixed length.
 */
public record FieldSpec(
        int number,
        String name,
        String description,
        FieldType type,
        LengthKind lengthKind,
        int min,
        int max,
        Encoding lengthEncoding,
        Encoding encoding,
        Padding padding,
        Sensitivity sensitivity,
        Structure structure) {

    public boolean isFixed() {
        return lengthKind == LengthKind.FIXED;
    }

    /** Bytes the length prefix takes on the wire; 0 for a fixed field. */
    public int prefixBytes() {
        int digits = lengthKind.prefixDigits();
        if (digits == 0) {
            return 0;
        }
        switch (lengthEncoding) {
            case BINARY:
                return digits == 2 ? 1 : 2;
            case BCD:
            case BCD_RIGHT:
            case BCD_RIGHT_F:
                return (digits + 1) / 2;
            default:
                return digits;
        }
    }

    /** Bytes the content takes on the wire for a value of {@code units} units. */
    public int wireBytes(int units) {
        switch (encoding) {
            case BCD:
            case BCD_RIGHT:
            case BCD_RIGHT_F:
                if (type == FieldType.X_N) {
                    // The sign stays one character; the digits after it are packed.
                    return units == 0 ? 0 : 1 + units / 2;
                }
                return (units + 1) / 2;
            case HEX:
                return units * 2;
            default:
                return units;
        }
    }
}
