package io.caspian.iso8583.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and validates one entry of a dialect's field list. */
final class FieldReader {
    private static final Set<String> KEYS = Set.of("number", "name", "description", "type",
            "length", "max", "min", "lengthEncoding", "encoding", "padding", "sensitivity",
            "structure");

    private final String source;
    private final int number;

    FieldReader(String source, int number) {
        this.source = source;
        this.number = number;
    }

    FieldSpec read(JsonNode node) throws DialectException {
        DialectLoader.Nodes.unknownKeys(node, KEYS, "", source, number);
        String name = text(node, "name");
        String description = text(node, "description");
        FieldType type = FieldType.fromCode(text(node, "type"));
        if (type == null) {
            throw fail("type '" + text(node, "type") + "' is not n, a, an, ans, b, z or x+n");
        }
        LengthKind kind = LengthKind.fromCode(text(node, "length"));
        if (kind == null) {
            throw fail("length '" + text(node, "length") + "' is not fixed, LL, LLL or LLLL");
        }
        int max = integer(node, "max");
        int min = node.has("min") ? integer(node, "min") : (kind == LengthKind.FIXED ? max : 0);
        checkLengths(kind, min, max, type);
        Encoding lengthEncoding = lengthEncoding(node, kind);
        Encoding encoding = encoding(node, type);
        Padding padding = padding(node, type);
        Sensitivity sensitivity = Sensitivity.NONE;
        if (node.has("sensitivity")) {
            sensitivity = Sensitivity.fromCode(text(node, "sensitivity"));
            if (sensitivity == null) {
                throw fail("sensitivity must be none, pan, track, pin-block or key");
            }
        }
        Structure structure = node.has("structure")
                ? structure(node.get("structure"), type, kind, max) : null;
        return new FieldSpec(number, name, description, type, kind, min, max, lengthEncoding,
                encoding, padding, sensitivity, structure);
    }

    private void checkLengths(LengthKind kind, int min, int max, FieldType type)
            throws DialectException {
        if (max < 1) {
            throw fail("max must be at least 1");
        }
        if (kind == LengthKind.FIXED) {
            if (min != max) {
                throw fail("a fixed field has no min other than its max");
            }
        } else if (max > kind.limit()) {
            throw fail("max " + max + " is over the " + kind.code() + " limit of " + kind.limit());
        }
        if (min < 0 || min > max) {
            throw fail("min " + min + " must be 0.." + max);
        }
        if (type == FieldType.X_N && min < 1 && kind == LengthKind.FIXED) {
            throw fail("an x+n field needs room for its sign");
        }
    }

    private Encoding lengthEncoding(JsonNode node, LengthKind kind) throws DialectException {
        if (kind == LengthKind.FIXED) {
            if (node.has("lengthEncoding")) {
                throw fail("a fixed field has no lengthEncoding");
            }
            return null;
        }
        Encoding e = Encoding.fromCode(text(node, "lengthEncoding"));
        if (e != Encoding.ASCII && e != Encoding.EBCDIC && e != Encoding.BCD
                && e != Encoding.BINARY) {
            throw fail("lengthEncoding must be ascii, ebcdic, bcd or binary");
        }
        return e;
    }

    private Encoding encoding(JsonNode node, FieldType type) throws DialectException {
        String code = text(node, "encoding");
        Encoding e = Encoding.fromCode(code);
        if (e == null) {
            throw fail("encoding '" + code + "' is not a known encoding");
        }
        boolean ok;
        switch (type) {
            case B:
                ok = e == Encoding.BINARY || e == Encoding.HEX;
                break;
            case N:
            case Z:
                ok = e == Encoding.ASCII || e == Encoding.EBCDIC || e.isBcd();
                break;
            case X_N:
                ok = e == Encoding.ASCII || e == Encoding.EBCDIC || e == Encoding.BCD;
                break;
            default:
                ok = e == Encoding.ASCII || e == Encoding.EBCDIC;
                break;
        }
        if (!ok) {
            throw fail("encoding " + code + " cannot carry type " + type.code());
        }
        return e;
    }

    private Padding padding(JsonNode node, FieldType type) throws DialectException {
        if (!node.has("padding")) {
            return Padding.defaultFor(type);
        }
        Padding p = Padding.fromCode(text(node, "padding"));
        if (p == null) {
            throw fail("padding must be zeros-left, spaces-right or none");
        }
        if (p == Padding.ZEROS_LEFT && type != FieldType.N) {
            throw fail("zeros-left padding is for n fields only");
        }
        if (p == Padding.SPACES_RIGHT && type != FieldType.A && type != FieldType.AN
                && type != FieldType.ANS) {
            throw fail("spaces-right padding is for a, an and ans fields only");
        }
        return p;
    }

    private Structure structure(JsonNode node, FieldType type, LengthKind kind, int max)
            throws DialectException {
        if (!node.isObject()) {
            throw fail("structure must be a mapping");
        }
        String kindName = text(node, "kind");
        switch (kindName) {
            case "subfields":
                return subfields(node, type, kind, max);
            case "tlv":
                if (!type.isText()) {
                    throw fail("tlv structure needs a text field; use ber-tlv for b fields");
                }
                DialectLoader.Nodes.unknownKeys(node,
                        Set.of("kind", "tagLength", "lengthLength", "tags"),
                        "structure.", source, number);
                int tagLength = integer(node, "tagLength");
                int lengthLength = integer(node, "lengthLength");
                if (tagLength < 1 || tagLength > 8 || lengthLength < 1 || lengthLength > 4) {
                    throw fail("tlv tagLength must be 1..8 and lengthLength 1..4");
                }
                return new Structure.Tlv(tagLength, lengthLength, tags(node, tagLength, false));
            case "ber-tlv":
                if (type != FieldType.B) {
                    throw fail("ber-tlv structure needs a b field");
                }
                DialectLoader.Nodes.unknownKeys(node, Set.of("kind", "tags"),
                        "structure.", source, number);
                return new Structure.BerTlv(tags(node, 0, true));
            default:
                throw fail("structure.kind '" + kindName + "' is not subfields, tlv or ber-tlv");
        }
    }

    private Structure subfields(JsonNode node, FieldType type, LengthKind kind, int max)
            throws DialectException {
        DialectLoader.Nodes.unknownKeys(node, Set.of("kind", "subfields"), "structure.",
                source, number);
        JsonNode list = node.get("subfields");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw fail("structure.subfields must be a non-empty list");
        }
        if (type == FieldType.X_N) {
            throw fail("x+n fields cannot have subfields");
        }
        Set<Integer> ids = new HashSet<>();
        List<Structure.SubfieldSpec> specs = new ArrayList<>();
        for (JsonNode s : list) {
            DialectLoader.Nodes.unknownKeys(s, Set.of("id", "name", "length", "sensitivity"),
                    "structure.subfields.", source, number);
            int id = integer(s, "id");
            if (!ids.add(id)) {
                throw fail("subfield " + id + " declared twice");
            }
            int length = integer(s, "length");
            if (length < 1) {
                throw fail("subfield " + id + " length must be at least 1");
            }
            specs.add(new Structure.SubfieldSpec(id, text(s, "name"), length, sensitivity(s)));
        }
        Structure.Subfields sf = new Structure.Subfields(specs);
        if (kind == LengthKind.FIXED ? sf.totalLength() != max : sf.totalLength() > max) {
            throw fail("subfield lengths add up to " + sf.totalLength() + ", field max is " + max);
        }
        return sf;
    }

    private Map<String, Structure.TagSpec> tags(JsonNode node, int tagLength, boolean ber)
            throws DialectException {
        Map<String, Structure.TagSpec> tags = new LinkedHashMap<>();
        JsonNode list = node.get("tags");
        if (list == null) {
            return tags;
        }
        if (!list.isArray()) {
            throw fail("structure.tags must be a list");
        }
        for (JsonNode t : list) {
            DialectLoader.Nodes.unknownKeys(t, Set.of("tag", "name", "sensitivity"),
                    "structure.tags.", source, number);
            String tag = text(t, "tag");
            if (ber) {
                tag = tag.toUpperCase(Locale.ROOT);
                if (!tag.matches("([0-9A-F]{2})+")) {
                    throw fail("ber-tlv tag '" + tag + "' must be hex bytes");
                }
            } else if (tag.length() != tagLength) {
                throw fail("tag '" + tag + "' must be " + tagLength + " characters");
            }
            if (tags.put(tag, new Structure.TagSpec(tag, text(t, "name"), sensitivity(t)))
                    != null) {
                throw fail("tag '" + tag + "' declared twice");
            }
        }
        return tags;
    }

    private Sensitivity sensitivity(JsonNode node) throws DialectException {
        if (!node.has("sensitivity")) {
            return Sensitivity.NONE;
        }
        Sensitivity s = Sensitivity.fromCode(text(node, "sensitivity"));
        if (s == null) {
            throw fail("sensitivity must be none, pan, track, pin-block or key");
        }
        return s;
    }

    private String text(JsonNode node, String key) throws DialectException {
        return DialectLoader.Nodes.text(node, key, source, number);
    }

    private int integer(JsonNode node, String key) throws DialectException {
        return DialectLoader.Nodes.integer(node, key, source, number);
    }

    private DialectException fail(String reason) {
        return new DialectException(source, number, reason);
    }
}
