package io.caspian.iso8583.dialect;

import java.util.List;
import java.util.Map;

/** What lies inside a field: fixed-position subfields, character TLV or BER-TLV. */
public sealed interface Structure {

    /** Fixed-position subfields, e.g. ISO 8583:1987 DE 90 original data elements. */
    record Subfields(List<SubfieldSpec> subfields) implements Structure {
        public Subfields {
            subfields = List.copyOf(subfields);
        }

        /** Total length in the field's units. */
        public int totalLength() {
            int sum = 0;
            for (SubfieldSpec s : subfields) {
                sum += s.length();
            }
            return sum;
        }
    }

    /**
     * Private tag-length-value data (DE 48 style): a tag of {@code tagLength} characters, a
     * length of {@code lengthLength} decimal digits, then that many characters of value.
     */
    record Tlv(int tagLength, int lengthLength, Map<String, TagSpec> tags) implements Structure {
        public Tlv {
            tags = Map.copyOf(tags);
        }
    }

    /** BER-TLV as EMV uses it in DE 55 (EMV Book 3, Annex B). */
    record BerTlv(Map<String, TagSpec> tags) implements Structure {
        public BerTlv {
            tags = Map.copyOf(tags);
        }
    }

    /** One fixed-position subfield; {@code length} is in the enclosing field's units. */
    record SubfieldSpec(int id, String name, int length, Sensitivity sensitivity) {
    }

    /** A known tag, with the name shown in dumps and its sensitivity. */
    record TagSpec(String tag, String name, Sensitivity sensitivity) {
    }
}
