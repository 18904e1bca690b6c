package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Sensitivity;
import java.util.List;

/**
 * One subfield or tag inside a structured field, for dumps: its id (subfield number or tag),
 * the dialect's name for it (empty when unknown), its value as text (hex for BER-TLV) and,
 * for a constructed BER-TLV tag, what it contains.
 */
public record StructureElement(String id, String name, Sensitivity sensitivity, String value,
        List<StructureElement> children) {

    public StructureElement {
        children = List.copyOf(children);
    }
}
