package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.DialectLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Small dialects written inline, for tests of one field at a time. */
public final class TestDialects {
    private TestDialects() {
    }

    /** A 1987 ASCII dialect with a hex bitmap, DE 39 and the given extra field lines. */
    public static Dialect withFields(String mtiEncoding, String bitmap, String fieldsYaml)
            throws DialectException {
        String yaml = "name: test\n"
                + "isoVersion: 1987\n"
                + "mti: {encoding: " + mtiEncoding + "}\n"
                + "bitmap: {encoding: " + bitmap + "}\n"
                + "formatError: {field: 39, code: \"30\"}\n"
                + "fields:\n"
                + "  - {number: 39, name: Response code, description: Outcome, type: an,"
                + " length: fixed, max: 2, encoding: ascii}\n"
                + fieldsYaml;
        return load(yaml);
    }

    public static Dialect load(String yaml) throws DialectException {
        return DialectLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml");
    }

    /** One field line: {@code - {number: N, name: F, description: D, <spec>}}. */
    public static String field(int number, String spec) {
        return "  - {number: " + number + ", name: F" + number + ", description: Test field, "
                + spec + "}\n";
    }
}
