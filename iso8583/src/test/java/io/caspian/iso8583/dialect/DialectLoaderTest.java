package io.caspian.iso8583.dialect;

import static io.caspian.iso8583.TestDialects.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.iso8583.TestDialects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad dialect file fails with its path, the field number and why, in one line. */
class DialectLoaderTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "type: q, length: fixed, max: 4, encoding: ascii | field 2: type 'q' is not n, a, an, ans, b, z or x+n",
        "type: n, length: LX, max: 4, encoding: ascii | field 2: length 'LX' is not fixed, LL, LLL or LLLL",
        "type: n, length: LL, max: 120, lengthEncoding: ascii, encoding: ascii | field 2: max 120 is over the LL limit of 99",
        "type: n, length: LL, max: 12, encoding: ascii | field 2: lengthEncoding is missing",
        "type: n, length: fixed, max: 4, lengthEncoding: ascii, encoding: ascii | field 2: a fixed field has no lengthEncoding",
        "type: an, length: fixed, max: 4, encoding: bcd | field 2: encoding bcd cannot carry type an",
        "type: b, length: fixed, max: 4, encoding: ascii | field 2: encoding ascii cannot carry type b",
        "type: n, length: fixed, max: 0, encoding: ascii | field 2: max must be at least 1",
        "type: n, length: fixed, max: 4, encoding: ascii, colour: red | field 2: unknown key 'colour'",
        "type: n, length: fixed, max: 4, encoding: ascii, sensitivity: secret | field 2: sensitivity must be none, pan, track, pin-block or key",
        "type: an, length: fixed, max: 4, encoding: ascii, padding: zeros-left | field 2: zeros-left padding is for n fields only",
        "type: ans, length: LL, max: 9, min: 10, lengthEncoding: ascii, encoding: ascii | field 2: min 10 must be 0..9",
        "type: b, length: LLL, max: 99, lengthEncoding: binary, encoding: binary, structure: {kind: tlv, tagLength: 2, lengthLength: 3} | field 2: tlv structure needs a text field; use ber-tlv for b fields",
        "type: n, length: fixed, max: 10, encoding: ascii, structure: {kind: subfields, subfields: [{id: 1, name: A, length: 4}]} | field 2: subfield lengths add up to 4, field max is 10",
    })
    void badFieldNamesPathFieldAndReason(String spec, String message) {
        assertThatThrownBy(() -> TestDialects.withFields("ascii", "hex", field(2, spec)))
                .isInstanceOf(DialectException.class)
                .hasMessage("test.yaml: " + message)
                .satisfies(e -> assertThat(((DialectException) e).field()).isEqualTo(2));
    }

    @Test
    void fieldDeclaredTwiceIsRefused() {
        String spec = "type: n, length: fixed, max: 4, encoding: ascii";
        assertThatThrownBy(() -> TestDialects.withFields("ascii", "hex",
                field(3, spec) + field(3, spec)))
                .hasMessage("test.yaml: field 3: declared twice");
    }

    @Test
    void topLevelFaultsNameTheKey() {
        assertThatThrownBy(() -> TestDialects.load("name: x\nisoVersion: 1990\n"))
                .hasMessage("test.yaml: isoVersion 1990 is not 1987, 1993 or 2003");
        assertThatThrownBy(() -> TestDialects.load("name: Bad Name\n"))
                .hasMessageContaining("name 'Bad Name' must match");
        assertThatThrownBy(() -> TestDialects.load("name: [unclosed\n"))
                .hasMessageStartingWith("test.yaml: not valid YAML");
        assertThatThrownBy(() -> TestDialects.withFields("ascii", "octal", ""))
                .hasMessage("test.yaml: bitmap.encoding 'octal' is not a known encoding");
    }

    @Test
    void macFieldMustBeDeclaredFixedBinary() {
        String yaml = "name: t\nisoVersion: 1987\nmti: {encoding: ascii}\n"
                + "bitmap: {encoding: hex}\nformatError: {field: 39, code: \"30\"}\n"
                + "mac: {field: 64}\nfields:\n"
                + field(39, "type: an, length: fixed, max: 2, encoding: ascii");
        assertThatThrownBy(() -> TestDialects.load(yaml))
                .hasMessage("test.yaml: field 64: mac field is not declared");
    }

    @Test
    void fileOnDiskIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acme.yaml");
        Files.writeString(file, "name: acme\nisoVersion: 1987\nmti: {encoding: ascii}\n"
                + "bitmap: {encoding: hex}\nformatError: {field: 39, code: \"30\"}\nfields:\n"
                + field(39, "type: an, length: fixed, max: 2, encoding: ascii")
                + field(35, "type: z, length: LL, max: 137, lengthEncoding: ascii, encoding: ascii"));
        assertThatThrownBy(() -> Dialects.resolve(file.toString()))
                .hasMessage(file + ": field 35: max 137 is over the LL limit of 99");
        assertThatThrownBy(() -> Dialects.resolve(dir.resolve("none.yaml").toString()))
                .hasMessage(dir.resolve("none.yaml") + ": no such file");
        assertThatThrownBy(() -> Dialects.resolve("visa"))
                .hasMessageContaining("no such dialect; built in are iso87-ascii");
    }

    @Test
    void everyShippedDialectLoadsWithFieldsTwoTo128() throws Exception {
        for (String name : Dialects.BUILT_IN) {
            Dialect d = Dialects.builtIn(name);
            assertThat(d.name()).isEqualTo(name);
            assertThat(d.field(2).sensitivity()).isEqualTo(Sensitivity.PAN);
            assertThat(d.field(52).sensitivity()).isEqualTo(Sensitivity.PIN_BLOCK);
            assertThat(d.macField()).isEqualTo(64);
            assertThat(d.macSecondaryField()).isEqualTo(128);
        }
    }
}
