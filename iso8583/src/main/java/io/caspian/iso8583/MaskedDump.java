package io.caspian.iso8583;

import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.iso8583.dialect.Sensitivity;
import java.util.List;

/** Dumps for logs and screens in which no sensitive value appears in clear. */
public final class MaskedDump {
    private MaskedDump() {
    }

    /** {@code 0200 2=476173******0119 3=000000 ...}: one line, safe for any log. */
    public static String oneLine(IsoMessage m) {
        StringBuilder sb = new StringBuilder(m.mti().isEmpty() ? "----" : m.mti());
        for (int f : m.fieldNumbers()) {
            sb.append(' ').append(f).append('=').append(maskedValue(m, f));
        }
        return sb.toString();
    }

    /**
     * The field's value as it may be shown: masked by the field's sensitivity, and wholly
     * masked when the field holds a sensitive subfield or tag (DE 55 can carry the PAN).
     */
    public static String maskedValue(IsoMessage m, int field) {
        String value = m.getString(field);
        if (value == null) {
            return null;
        }
        FieldSpec spec = m.dialect().field(field);
        if (spec.sensitivity() != Sensitivity.NONE) {
            return spec.sensitivity().mask(value);
        }
        if (spec.structure() != null && holdsSensitive(StructureReader.read(m, field))) {
            return "*".repeat(value.length());
        }
        return value;
    }

    /** Whether the field's value would be masked in a dump. */
    public static boolean isMasked(IsoMessage m, int field) {
        FieldSpec spec = m.dialect().field(field);
        return spec.sensitivity() != Sensitivity.NONE
                || (spec.structure() != null && holdsSensitive(StructureReader.read(m, field)));
    }

    /** An element's value as it may be shown. */
    public static String maskedValue(StructureElement e) {
        return e.sensitivity().mask(e.value());
    }

    private static boolean holdsSensitive(List<StructureElement> elements) {
        for (StructureElement e : elements) {
            if (e.sensitivity() != Sensitivity.NONE || holdsSensitive(e.children())) {
                return true;
            }
        }
        return false;
    }
}
