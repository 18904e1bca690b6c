package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Encoding;
import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.iso8583.dialect.Sensitivity;
import io.caspian.iso8583.dialect.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks and reads the inside of structured fields: subfields, character TLV, BER-TLV. */
public final class StructureReader {
    private StructureReader() {
    }

    static String kindName(Structure s) {
        if (s instanceof Structure.Subfields) {
            return "subfield";
        }
        return s instanceof Structure.Tlv ? "TLV" : "BER-TLV";
    }

    /** -1 when the inside parses, else the relative byte offset of the fault. */
    static int check(FieldSpec spec, byte[] b, int pos, int wire, int units) {
        Structure s = spec.structure();
        if (s instanceof Structure.Tlv) {
            Structure.Tlv tlv = (Structure.Tlv) s;
            String text = FieldCodec.text(spec, b, pos, wire, units);
            return readTlv(tlv, text, null);
        }
        if (s instanceof Structure.BerTlv) {
            if (spec.encoding() == Encoding.BINARY) {
                return readBer((Structure.BerTlv) s, b, pos, pos + wire, null) - pos;
            }
            byte[] raw = FieldCodec.bytes(spec, b, pos, wire, units);
            int bad = readBer((Structure.BerTlv) s, raw, 0, raw.length, null);
            return bad < 0 ? -1 : bad * 2;
        }
        return -1;
    }

    /** The elements inside a present structured field of a decoded or built message. */
    public static List<StructureElement> read(IsoMessage m, int field) {
        FieldSpec spec = m.dialect().field(field);
        List<StructureElement> out = new ArrayList<>();
        if (spec == null || spec.structure() == null || !m.has(field)) {
            return out;
        }
        Structure s = spec.structure();
        if (s instanceof Structure.Subfields) {
            String text = m.getString(field);
            int at = 0;
            for (Structure.SubfieldSpec sf : ((Structure.Subfields) s).subfields()) {
                if (at >= text.length()) {
                    break;
                }
                String value = text.substring(at, Math.min(text.length(), at + sf.length()));
                out.add(new StructureElement(Integer.toString(sf.id()), sf.name(),
                        sf.sensitivity(), value, List.of()));
                at += sf.length();
            }
        } else if (s instanceof Structure.Tlv) {
            readTlv((Structure.Tlv) s, m.getString(field), out);
        } else {
            byte[] raw = m.getBytes(field);
            readBer((Structure.BerTlv) s, raw, 0, raw.length, out);
        }
        return out;
    }

    /** Walks character TLV; adds elements when {@code out} is given. -1 or fault offset. */
    private static int readTlv(Structure.Tlv tlv, String text, List<StructureElement> out) {
        int at = 0;
        int n = text.length();
        while (at < n) {
            if (at + tlv.tagLength() + tlv.lengthLength() > n) {
                return at;
            }
            String tag = text.substring(at, at + tlv.tagLength());
            int len = 0;
            for (int i = 0; i < tlv.lengthLength(); i++) {
                int d = text.charAt(at + tlv.tagLength() + i) - '0';
                if (d < 0 || d > 9) {
                    return at + tlv.tagLength() + i;
                }
                len = len * 10 + d;
            }
            int valueAt = at + tlv.tagLength() + tlv.lengthLength();
            if (valueAt + len > n) {
                return at;
            }
            if (out != null) {
                Structure.TagSpec known = tlv.tags().get(tag);
                out.add(new StructureElement(tag, known == null ? "" : known.name(),
                        known == null ? Sensitivity.NONE : known.sensitivity(),
                        text.substring(valueAt, valueAt + len), List.of()));
            }
            at = valueAt + len;
        }
        return -1;
    }

    /**
     * Walks BER-TLV (EMV Book 3 Annex B) from {@code from} to {@code to}; returns -1 when it
     * parses, else the absolute offset of the fault. Adds elements when {@code out} is given.
     */
    private static int readBer(Structure.BerTlv ber, byte[] b, int from, int to,
            List<StructureElement> out) {
        int at = from;
        while (at < to) {
            int tagStart = at;
            // Padding between data objects: EMV allows 0x00 and 0xFF fillers.
            if (b[at] == 0 || b[at] == (byte) 0xFF) {
                at++;
                continue;
            }
            boolean constructed = (b[at] & 0x20) != 0;
            if ((b[at++] & 0x1F) == 0x1F) {
                do {
                    if (at >= to || at - tagStart > 3) {
                        return tagStart;
                    }
                } while ((b[at++] & 0x80) != 0);
            }
            if (at >= to) {
                return tagStart;
            }
            int len = b[at++] & 0xFF;
            if (len > 0x80) {
                int count = len & 0x7F;
                if (count > 2 || at + count > to) {
                    return tagStart;
                }
                len = 0;
                for (int i = 0; i < count; i++) {
                    len = len << 8 | (b[at++] & 0xFF);
                }
            } else if (len == 0x80) {
                return tagStart;
            }
            if (at + len > to) {
                return tagStart;
            }
            List<StructureElement> children = constructed && out != null ? new ArrayList<>() : null;
            if (constructed) {
                int bad = readBer(ber, b, at, at + len, children);
                if (bad >= 0) {
                    return bad;
                }
            }
            if (out != null) {
                String tag = Wire.hex(b, tagStart, tagLength(b, tagStart)).toUpperCase(Locale.ROOT);
                Structure.TagSpec known = ber.tags().get(tag);
                out.add(new StructureElement(tag, known == null ? "" : known.name(),
                        known == null ? Sensitivity.NONE : known.sensitivity(),
                        Wire.hex(b, at, len), children == null ? List.of() : children));
            }
            at += len;
        }
        return -1;
    }

    private static int tagLength(byte[] b, int at) {
        int n = 1;
        if ((b[at] & 0x1F) == 0x1F) {
            while ((b[at + n] & 0x80) != 0) {
                n++;
            }
            n++;
        }
        return n;
    }
}
