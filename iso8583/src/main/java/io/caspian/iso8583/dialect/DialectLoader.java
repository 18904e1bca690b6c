package io.caspian.iso8583.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a dialect file (YAML, see docs/dialect-format.md) and validates every key before
 * anything is built: a dialect that loads is one the codec can trust.
 */
public final class DialectLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> TOP_KEYS = Set.of(
            "name", "description", "isoVersion", "mti", "bitmap", "formatError", "mac", "fields");

    private DialectLoader() {
    }

    /** Loads a dialect file from disk. */
    public static Dialect load(Path path) throws DialectException {
        String source = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new DialectException(source, 0, "no such file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return load(in, source);
        } catch (IOException e) {
            throw new DialectException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Loads a dialect from a stream; {@code source} names it in every error. */
    public static Dialect load(InputStream in, String source) throws DialectException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DialectException(source, 0, "not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("")
                    + location(e));
        } catch (IOException e) {
            throw new DialectException(source, 0, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DialectException(source, 0, "expected a mapping at the top level");
        }
        return new Reader(source).read(root);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** Validates one document; every error names the source and, where it can, the field. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        Dialect read(JsonNode root) throws DialectException {
            unknownKeys(root, TOP_KEYS, "", 0);
            Dialect.Builder b = new Dialect.Builder();
            b.name = text(root, "name", 0);
            if (!NAME.matcher(b.name).matches()) {
                throw fail(0, "name '" + b.name + "' must match [a-z0-9][a-z0-9-]*");
            }
            b.description = optionalText(root, "description", "");
            int year = integer(root, "isoVersion", 0);
            b.isoVersion = IsoVersion.fromYear(year);
            if (b.isoVersion == null) {
                throw fail(0, "isoVersion " + year + " is not 1987, 1993 or 2003");
            }
            readMti(root, b);
            readBitmap(root, b);
            readFields(root, b);
            readFormatError(root, b);
            readMac(root, b);
            return b.build();
        }

        private void readMti(JsonNode root, Dialect.Builder b) throws DialectException {
            JsonNode mti = mapping(root, "mti", 0);
            unknownKeys(mti, Set.of("encoding"), "mti.", 0);
            b.mtiEncoding = encoding(mti, "encoding", 0, "mti.encoding");
            if (b.mtiEncoding != Encoding.ASCII && b.mtiEncoding != Encoding.EBCDIC
                    && b.mtiEncoding != Encoding.BCD) {
                throw fail(0, "mti.encoding must be ascii, ebcdic or bcd");
            }
        }

        private void readBitmap(JsonNode root, Dialect.Builder b) throws DialectException {
            JsonNode bitmap = mapping(root, "bitmap", 0);
            unknownKeys(bitmap, Set.of("encoding", "tertiary"), "bitmap.", 0);
            b.bitmapEncoding = encoding(bitmap, "encoding", 0, "bitmap.encoding");
            if (b.bitmapEncoding != Encoding.BINARY && b.bitmapEncoding != Encoding.HEX) {
                throw fail(0, "bitmap.encoding must be binary or hex");
            }
            JsonNode tertiary = bitmap.get("tertiary");
            if (tertiary != null && !tertiary.isBoolean()) {
                throw fail(0, "bitmap.tertiary must be true or false");
            }
            b.tertiaryBitmap = tertiary != null && tertiary.booleanValue();
        }

        private void readFields(JsonNode root, Dialect.Builder b) throws DialectException {
            JsonNode fields = root.get("fields");
            if (fields == null || !fields.isArray() || fields.isEmpty()) {
                throw fail(0, "fields must be a non-empty list");
            }
            int highest = b.tertiaryBitmap ? Dialect.FIELD_NUMBER_MAX : 128;
            for (JsonNode node : fields) {
                if (!node.isObject()) {
                    throw fail(0, "every entry of fields must be a mapping");
                }
                int number = integer(node, "number", 0);
                if (number < 2 || number > highest) {
                    throw fail(number, "number must be 2.." + highest);
                }
                if (number == 65 && b.tertiaryBitmap) {
                    throw fail(number, "is the tertiary bitmap in this dialect; do not declare it");
                }
                if (b.fields[number] != null) {
                    throw fail(number, "declared twice");
                }
                b.fields[number] = new FieldReader(source, number).read(node);
            }
        }

        private void readFormatError(JsonNode root, Dialect.Builder b) throws DialectException {
            JsonNode fe = mapping(root, "formatError", 0);
            unknownKeys(fe, Set.of("field", "code"), "formatError.", 0);
            b.formatErrorField = integer(fe, "field", 0);
            b.formatErrorCode = text(fe, "code", 0);
            FieldSpec spec = b.fields[Math.max(0, Math.min(b.formatErrorField, 192))];
            if (spec == null) {
                throw fail(b.formatErrorField, "formatError.field is not declared");
            }
            if (!spec.type().isText() || b.formatErrorCode.length() > spec.max()
                    || b.formatErrorCode.length() < spec.min()
                    || !b.formatErrorCode.chars().allMatch(spec.type()::allows)) {
                throw fail(b.formatErrorField, "formatError.code '" + b.formatErrorCode
                        + "' does not fit the field");
            }
        }

        private void readMac(JsonNode root, Dialect.Builder b) throws DialectException {
            JsonNode mac = root.get("mac");
            if (mac == null) {
                return;
            }
            if (!mac.isObject()) {
                throw fail(0, "mac must be a mapping");
            }
            unknownKeys(mac, Set.of("field", "secondaryField"), "mac.", 0);
            b.macField = integer(mac, "field", 0);
            b.macSecondaryField = mac.has("secondaryField")
                    ? integer(mac, "secondaryField", 0) : b.macField;
            for (int f : new int[] {b.macField, b.macSecondaryField}) {
                FieldSpec spec = f >= 2 && f <= 192 ? b.fields[f] : null;
                if (spec == null) {
                    throw fail(f, "mac field is not declared");
                }
                if (spec.type() != FieldType.B || !spec.isFixed()) {
                    throw fail(f, "mac field must be a fixed-length b field");
                }
            }
        }

        private DialectException fail(int field, String reason) {
            return new DialectException(source, field, reason);
        }

        private JsonNode mapping(JsonNode node, String key, int field) throws DialectException {
            JsonNode v = node.get(key);
            if (v == null || !v.isObject()) {
                throw fail(field, key + " must be a mapping");
            }
            return v;
        }

        private String text(JsonNode node, String key, int field) throws DialectException {
            return Nodes.text(node, key, source, field);
        }

        private String optionalText(JsonNode node, String key, String dflt)
                throws DialectException {
            return node.has(key) ? text(node, key, 0) : dflt;
        }

        private int integer(JsonNode node, String key, int field) throws DialectException {
            return Nodes.integer(node, key, source, field);
        }

        private Encoding encoding(JsonNode node, String key, int field, String path)
                throws DialectException {
            String code = text(node, key, field);
            Encoding e = Encoding.fromCode(code);
            if (e == null) {
                throw fail(field, path + " '" + code + "' is not a known encoding");
            }
            return e;
        }

        private void unknownKeys(JsonNode node, Set<String> known, String prefix, int field)
                throws DialectException {
            Nodes.unknownKeys(node, known, prefix, source, field);
        }
    }

    /** Shared checks for reading the YAML tree. */
    static final class Nodes {
        private Nodes() {
        }

        static String text(JsonNode node, String key, String source, int field)
                throws DialectException {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw new DialectException(source, field, key + " is missing");
            }
            if (!v.isTextual() && !v.isNumber()) {
                throw new DialectException(source, field, key + " must be text");
            }
            String s = v.asText();
            if (s.isBlank()) {
                throw new DialectException(source, field, key + " is empty");
            }
            if (s.indexOf('\n') >= 0) {
                throw new DialectException(source, field, key + " must be one line");
            }
            return s;
        }

        static int integer(JsonNode node, String key, String source, int field)
                throws DialectException {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw new DialectException(source, field, key + " is missing");
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new DialectException(source, field, key + " must be a whole number");
            }
            return v.intValue();
        }

        static void unknownKeys(JsonNode node, Set<String> known, String prefix, String source,
                int field) throws DialectException {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!known.contains(k)) {
                    throw new DialectException(source, field, "unknown key '" + prefix + k + "'");
                }
            }
        }
    }
}
