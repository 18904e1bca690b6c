package io.caspian.iso8583.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.FailureReason;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.MaskedDump;
import io.caspian.iso8583.StructureElement;
import io.caspian.iso8583.StructureReader;
import io.caspian.iso8583.dialect.FieldSpec;
import java.util.List;
import java.util.Map;

/**
 * A message as JSON, for people and tools: fields by number with their names, b fields as
 * hex, structured fields with their elements, sensitive values masked unless asked.
 *
 * <pre>
 * {"dialect": "iso87-ascii", "mti": "0200",
 *  "fields": {"2": {"name": "Primary account number", "value": "476173******0119",
 *                   "masked": true}, ...}}
 * </pre>
 *
 * The same shape reads back into a message; a field may also be given as a bare string.
 */
public final class MessageJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessageJson() {
    }

    public static ObjectNode toJson(IsoMessage m, boolean unmask) {
        ObjectNode root = NODES.objectNode();
        root.put("dialect", m.dialect().name());
        root.put("mti", m.mti());
        ObjectNode fields = root.putObject("fields");
        for (int f : m.fieldNumbers()) {
            FieldSpec spec = m.dialect().field(f);
            ObjectNode field = fields.putObject(Integer.toString(f));
            field.put("name", spec.name());
            boolean masked = !unmask && MaskedDump.isMasked(m, f);
            field.put("value", masked ? MaskedDump.maskedValue(m, f) : m.getString(f));
            if (masked) {
                field.put("masked", true);
            }
            if (spec.structure() != null) {
                field.set("elements", elements(StructureReader.read(m, f), unmask));
            }
        }
        return root;
    }

    private static ArrayNode elements(List<StructureElement> list, boolean unmask) {
        ArrayNode out = NODES.arrayNode();
        for (StructureElement e : list) {
            ObjectNode n = out.addObject();
            n.put("id", e.id());
            if (!e.name().isEmpty()) {
                n.put("name", e.name());
            }
            n.put("value", unmask ? e.value() : MaskedDump.maskedValue(e));
            if (!e.children().isEmpty()) {
                n.set("elements", elements(e.children(), unmask));
            }
        }
        return out;
    }

    /** The outcome of reading JSON into a message. */
    public sealed interface Result {
        record Success(IsoMessage message) implements Result {
        }

        record Failure(CodecFailure failure) implements Result {
        }
    }

    /** Reads the JSON shape of {@link #toJson} (or bare string values) into a message. */
    public static Result fromJson(JsonNode root, IsoCodec codec) {
        if (root == null || !root.isObject()) {
            return fail("", -1, "expected a JSON object with mti and fields");
        }
        JsonNode mti = root.get("mti");
        if (mti == null || !mti.isTextual()) {
            return fail("", 0, "mti must be a string such as \"0200\"");
        }
        JsonNode dialect = root.get("dialect");
        if (dialect != null && !dialect.asText().equals(codec.dialect().name())) {
            return fail(mti.asText(), -1, "the JSON is of dialect " + dialect.asText()
                    + ", not " + codec.dialect().name());
        }
        IsoMessage m = codec.newMessage();
        try {
            m.setMti(mti.asText());
        } catch (IllegalArgumentException e) {
            return fail(mti.asText(), 0, e.getMessage());
        }
        JsonNode fields = root.get("fields");
        if (fields == null || !fields.isObject()) {
            return fail(mti.asText(), -1, "fields must be an object keyed by field number");
        }
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            CodecFailure f = setField(m, e.getKey(), e.getValue());
            if (f != null) {
                return new Result.Failure(f);
            }
        }
        return new Result.Success(m);
    }

    private static CodecFailure setField(IsoMessage m, String key, JsonNode node) {
        int field;
        try {
            field = Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return failure(m.mti(), -1, "field key '" + key + "' is not a number");
        }
        JsonNode value = node.isObject() ? node.get("value") : node;
        if (value == null || !value.isTextual()) {
            return failure(m.mti(), field, "value must be a string");
        }
        if (node.isObject() && node.path("masked").asBoolean(false)) {
            return failure(m.mti(), field,
                    "the value was masked when decoded; decode with --unmask to re-encode it");
        }
        return m.trySet(field, value.asText());
    }

    private static Result fail(String mti, int field, String detail) {
        return new Result.Failure(failure(mti, field, detail));
    }

    private static CodecFailure failure(String mti, int field, String detail) {
        return new CodecFailure(mti, field, -1, FailureReason.BAD_VALUE, detail);
    }
}
