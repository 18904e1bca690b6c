package io.caspian.iso8583.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * One scheme's way of writing ISO 8583, loaded from a dialect file. Immutable; field specs
 * are looked up by number in O(1).
 */
public final class Dialect {
    /** Highest data element number with a tertiary bitmap. */
    public static final int FIELD_NUMBER_MAX = 192;

    private final String name;
    private final String description;
    private final IsoVersion isoVersion;
    private final Encoding mtiEncoding;
    private final Encoding bitmapEncoding;
    private final boolean tertiaryBitmap;
    private final int formatErrorField;
    private final String formatErrorCode;
    private final int macField;
    private final int macSecondaryField;
    private final FieldSpec[] fields;

    Dialect(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.isoVersion = b.isoVersion;
        this.mtiEncoding = b.mtiEncoding;
        this.bitmapEncoding = b.bitmapEncoding;
        this.tertiaryBitmap = b.tertiaryBitmap;
        this.formatErrorField = b.formatErrorField;
        this.formatErrorCode = b.formatErrorCode;
        this.macField = b.macField;
        this.macSecondaryField = b.macSecondaryField;
        this.fields = b.fields.clone();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public IsoVersion isoVersion() {
        return isoVersion;
    }

    /** ASCII, EBCDIC (4 bytes) or BCD (2 bytes). */
    public Encoding mtiEncoding() {
        return mtiEncoding;
    }

    /** BINARY (8 bytes per bitmap) or HEX (16 characters per bitmap). */
    public Encoding bitmapEncoding() {
        return bitmapEncoding;
    }

    /** Whether bit 65 announces a tertiary bitmap for fields 129-192. */
    public boolean tertiaryBitmap() {
        return tertiaryBitmap;
    }

    /** The highest field number this dialect can carry: 128, or 192 with a tertiary bitmap. */
    public int fieldNumberMax() {
        return tertiaryBitmap ? FIELD_NUMBER_MAX : 128;
    }

    /** The field that carries the format-error code in a reply (DE 39 by convention). */
    public int formatErrorField() {
        return formatErrorField;
    }

    /** The dialect's response or action code for "format error". */
    public String formatErrorCode() {
        return formatErrorCode;
    }

    /** The MAC field when only a primary bitmap is present; 0 when the dialect has none. */
    public int macField() {
        return macField;
    }

    /** The MAC field when a secondary bitmap is present; 0 when the dialect has none. */
    public int macSecondaryField() {
        return macSecondaryField;
    }

    /** The spec of field {@code number}, or null when the dialect does not declare it. */
    public FieldSpec field(int number) {
        return number > 0 && number < fields.length ? fields[number] : null;
    }

    /** Declared fields in ascending order. */
    public List<FieldSpec> fields() {
        List<FieldSpec> list = new ArrayList<>();
        for (FieldSpec f : fields) {
            if (f != null) {
                list.add(f);
            }
        }
        return list;
    }

    /** Bytes one bitmap takes on the wire. */
    public int bitmapBytes() {
        return bitmapEncoding == Encoding.HEX ? 16 : 8;
    }

    /** Bytes the MTI takes on the wire. */
    public int mtiBytes() {
        return mtiEncoding == Encoding.BCD ? 2 : 4;
    }

    @Override
    public String toString() {
        return "Dialect[" + name + "]";
    }

    /** Assembles a dialect; {@link DialectLoader} validates before it builds. */
    static final class Builder {
        String name;
        String description = "";
        IsoVersion isoVersion;
        Encoding mtiEncoding;
        Encoding bitmapEncoding;
        boolean tertiaryBitmap;
        int formatErrorField = 39;
        String formatErrorCode;
        int macField;
        int macSecondaryField;
        final FieldSpec[] fields = new FieldSpec[FIELD_NUMBER_MAX + 1];

        Dialect build() {
            return new Dialect(this);
        }
    }
}
