package io.caspian.app.iso;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.app.CaspianCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The iso commands as a user runs them: output, exit codes, one-line errors. */
class IsoCommandTest {
    /** A 0200 in iso87-ascii, as a standard ASCII packager writes it (golden vector). */
    private static final String ISO87A_0200 = "0200" + "7234000000000000"
            + "164761739001010119" + "000000" + "000000150000" + "1125103015" + "000124"
            + "133015" + "1125";

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CaspianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String hexOf(String ascii) {
        StringBuilder sb = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            sb.append(String.format("%02X", (int) c));
        }
        return sb.toString();
    }

    @Test
    void dialectsListsTheFourShippedOnes() {
        Run r = run("iso", "dialects");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("iso87-ascii").contains("iso87-binary").contains("mir")
                .contains("shetab").contains("MODEL");
    }

    @Test
    void decodePrintsFieldsByNumberWithNamesAndMasksThePan(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("0200.hex");
        Files.writeString(f, hexOf(ISO87A_0200) + "\n");
        Run r = run("iso", "decode", "--dialect", "iso87-ascii", "--hex", f.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"mti\" : \"0200\"")
                .contains("\"name\" : \"Primary account number\"")
                .contains("476173******0119").doesNotContain("4761739001010119")
                .contains("\"value\" : \"000000150000\"");

        Run clear = run("iso", "decode", "--dialect", "iso87-ascii", "--hex", "--unmask",
                f.toString());
        assertThat(clear.out()).contains("4761739001010119");
    }

    @Test
    void encodeTurnsDecodedJsonBackIntoTheSameBytesAcrossFraming(@TempDir Path dir)
            throws Exception {
        Path hex = dir.resolve("in.hex");
        Files.writeString(hex, "0052" + hexOf(ISO87A_0200));
        // binary2 framing: the first two bytes are the length (0x0052 = 82).
        Run decoded = run("iso", "decode", "--dialect", "iso87-ascii", "--framing", "binary2",
                "--hex", "--unmask", hex.toString());
        assertThat(decoded.err()).isEmpty();
        Path json = dir.resolve("msg.json");
        Files.writeString(json, decoded.out());
        Run encoded = run("iso", "encode", "--dialect", "iso87-ascii", "--framing", "binary2",
                "--hex", json.toString());
        assertThat(encoded.err()).isEmpty();
        assertThat(encoded.out().trim()).isEqualTo("0052" + hexOf(ISO87A_0200));
    }

    @Test
    void badInputIsOneLineExitTwoNoStackTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.hex");
        Files.writeString(f, hexOf(ISO87A_0200.replace("000000150000", "00000015000X")));
        Run r = run("iso", "decode", "--dialect", "iso87-ascii", "--hex", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("caspian: cannot decode as iso87-ascii: MTI 0200,"
                + " field 4 at offset 55: a character is not allowed by the field's type"
                + " (type n, encoding ascii)");
        assertThat(r.err().lines().count()).isEqualTo(1);

        assertOneLine(run("iso", "decode", "--dialect", "nope", f.toString()),
                "no such dialect");
        assertOneLine(run("iso", "decode", "--dialect", "mir", dir.resolve("x").toString()),
                "no such file");
        assertOneLine(run("iso", "decode", "--dialect", "mir", "--framing", "ascii9",
                f.toString()), "is not none, binary2 or ascii4");
        assertOneLine(run("iso", "decode", "--dialect", "mir", "--bogus"), "Unknown option");
        Files.writeString(f, "0Z");
        assertOneLine(run("iso", "decode", "--dialect", "mir", "--hex", f.toString()),
                "non-hex character");
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"mti\": \"0200\", \"fields\": {\"4\": \"12x\"}}");
        assertOneLine(run("iso", "encode", "--dialect", "iso87-ascii", json.toString()),
                "field 4");
        Files.writeString(json, "{not json");
        assertOneLine(run("iso", "encode", "--dialect", "iso87-ascii", json.toString()),
                "not valid JSON");
    }

    private static void assertOneLine(Run r, String contains) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}
