package io.caspian.app.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.app.CaspianCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A whole key ceremony between two parties, each with its own key store and LMK, using the
 * command line only: no key exists in common until the ZMK is formed from components.
 */
class KeyCeremonyCliTest {
    private static final Pattern COMPONENT =
            Pattern.compile("component \\d ([0-9A-F]+) kcv=(\\w+)");
    private static final String PAN = "6037991234567891";

    @TempDir
    Path directory;
    Map<String, String> stores;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void init() {
        stores = Map.of("A", directory.resolve("a").toString(),
                "B", directory.resolve("b").toString());
        stores.forEach((party, store) -> assertThat(run(party, "lmk", "init")).isZero());
    }

    /** Runs {@code caspian hsm ARGS --store STORE-OF-PARTY}. */
    int run(String party, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = CaspianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "hsm";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--store";
        all[args.length + 2] = stores.get(party);
        return cl.execute(all);
    }

    String ok(String party, String... args) {
        assertThat(run(party, args)).as(party + " " + String.join(" ", args) + ": " + err)
                .isZero();
        return out.toString();
    }

    static String kcv(String output) {
        return output.lines().filter(l -> l.startsWith("kcv=")).findFirst().orElseThrow()
                .substring(4);
    }

    @Test
    void twoPartiesEstablishAZmkAndExchangeWorkingKeys() {
        // A: generate the ZMK and split it into three components, one per custodian.
        ok("A", "key", "generate", "--id", "zmk.b", "--type", "ZMK", "--algorithm", "AES_256");
        String split = ok("A", "key", "components", "--key", "zmk.b", "--count", "3");
        assertThat(err.toString()).contains("WARNING").contains("clear key material");
        Matcher m = COMPONENT.matcher(split);
        List<String> components = m.results().map(r -> r.group(1) + ":" + r.group(2)).toList();
        assertThat(components).hasSize(3);
        String zmkKcv = split.lines().filter(l -> l.startsWith("zmk.b")).findFirst()
                .orElseThrow().replaceAll(".*kcv=(\\w+).*", "$1");

        // B: a component typed wrongly stops the ceremony with one line naming it.
        String typo = components.get(1).substring(0, components.get(1).indexOf(':'))
                + ":000000";
        assertThat(run("B", "key", "form", "--id", "zmk.a", "--type", "ZMK", "--algorithm",
                "AES_256", "--component", components.get(0), "--component", typo,
                "--component", components.get(2))).isEqualTo(2);
        assertThat(err.toString()).startsWith("caspian: KEY_CHECK_VALUE_MISMATCH: component 2's"
                + " check value is ").hasLineCount(1);
        components.forEach(c -> assertThat(err.toString()).doesNotContain(c.split(":")[0]));

        // B: form the ZMK from the three components; its check value matches A's.
        String formed = ok("B", "key", "form", "--id", "zmk.a", "--type", "ZMK",
                "--algorithm", "AES_256", "--component", components.get(0), "--component",
                components.get(1), "--component", components.get(2), "--kcv", zmkKcv);
        assertThat(kcv(formed)).isEqualTo(zmkKcv);

        // A -> B: a TDES ZPK under the ZMK as a TR-31 block, imported with its check value.
        ok("A", "key", "generate", "--id", "zpk.b", "--type", "ZPK", "--algorithm", "TDES_2KEY");
        String[] exported = ok("A", "key", "export", "--key", "zpk.b", "--zmk", "zmk.b")
                .split("\n");
        assertThat(exported[0]).startsWith("D");
        ok("B", "key", "import", "--id", "zpk.a", "--zmk", "zmk.a", "--key-block",
                exported[0], "--kcv", kcv(exported[1]));

        // Format 0 under TDES is deterministic: both copies encrypt the same PIN block, and
        // each side's translation of the other's block gives that block back.
        String blockA = encrypted(ok("A", "pin", "block", "--pin", "1234", "--pan", PAN,
                "--format", "0", "--key", "zpk.b"));
        String blockB = encrypted(ok("B", "pin", "block", "--pin", "1234", "--pan", PAN,
                "--format", "0", "--key", "zpk.a"));
        assertThat(blockB).isEqualTo(blockA);
        assertThat(ok("B", "pin", "translate", "--from-key", "zpk.a", "--from-format", "0",
                "--to-key", "zpk.a", "--to-format", "0", "--pan", PAN, "--pin-block", blockA)
                .strip()).isEqualTo(ok("A", "pin", "translate", "--from-key", "zpk.b",
                "--from-format", "0", "--to-key", "zpk.b", "--to-format", "0", "--pan", PAN,
                "--pin-block", blockB).strip()).isEqualTo(blockA);

        // A -> B: a MAC key the same way; A's MAC verifies at B, and only over A's bytes.
        ok("A", "key", "generate", "--id", "zak.b", "--type", "ZAK", "--algorithm", "AES_128");
        String[] zak = ok("A", "key", "export", "--key", "zak.b", "--zmk", "zmk.b").split("\n");
        ok("B", "key", "import", "--id", "zak.a", "--zmk", "zmk.a", "--key-block", zak[0],
                "--kcv", kcv(zak[1]));
        String mac = ok("A", "mac", "generate", "--key", "zak.b", "--algorithm", "AES_CMAC",
                "--data", "0200F23A").strip();
        assertThat(run("B", "mac", "verify", "--key", "zak.a", "--algorithm", "AES_CMAC",
                "--data", "0200F23A", "--mac", mac)).isZero();
        assertThat(run("B", "mac", "verify", "--key", "zak.a", "--algorithm", "AES_CMAC",
                "--data", "0200F23B", "--mac", mac)).isEqualTo(1);
    }

    @Test
    void tdesZmkFormedFromTwoComponentsGetsOddParity() {
        // Components of the classic test key 0123456789ABCDEFFEDCBA9876543210 (kcv 08D7B4),
        // the second with every parity bit flipped.
        ok("B", "kcv", "--clear", "1111111111111111F0F0F0F0F0F0F0F0");
        String first = "1111111111111111F0F0F0F0F0F0F0F0:" + out.toString().strip();
        ok("B", "kcv", "--clear", "1133557799BBDDFF0F2D4B6987A5C3E1");
        String second = "1133557799BBDDFF0F2D4B6987A5C3E1:" + out.toString().strip();
        String formed = ok("B", "key", "form", "--id", "zmk.a", "--type", "ZMK",
                "--algorithm", "TDES_2KEY", "--component", first, "--component", second,
                "--kcv", "08D7B4");
        assertThat(formed).contains("odd parity forced").contains("kcv=08D7B4");
    }

    @Test
    void badCeremonyInputIsOneLineAndNeverEchoesAComponent() {
        String component = "00112233445566778899AABBCCDDEEFF";
        assertThat(run("B", "key", "form", "--id", "z", "--type", "ZMK", "--algorithm",
                "AES_128", "--component", component + ":ABCDEF")).isEqualTo(2);
        assertThat(err.toString()).contains("2 or 3 times").hasLineCount(1);
        assertThat(run("B", "key", "form", "--id", "z", "--type", "ZMK", "--algorithm",
                "AES_128", "--component", component, "--component", component)).isEqualTo(2);
        assertThat(err.toString()).contains("HEX:KCV").doesNotContain(component)
                .hasLineCount(1);
        assertThat(run("B", "key", "form", "--id", "z", "--type", "ZMK", "--algorithm",
                "AES_128", "--component", "XY:000000", "--component", component + ":0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("component 1 is not hex").hasLineCount(1);

        ok("B", "key", "generate", "--id", "zpk", "--type", "ZPK", "--algorithm", "AES_128");
        assertThat(run("B", "key", "components", "--key", "zpk")).isEqualTo(2);
        assertThat(err.toString()).startsWith("caspian: KEY_TYPE_NOT_PERMITTED")
                .hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    private static String encrypted(String output) {
        return output.lines().filter(l -> l.startsWith("encrypted ")).findFirst().orElseThrow()
                .substring("encrypted ".length());
    }
}
