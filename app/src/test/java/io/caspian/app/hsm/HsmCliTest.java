package io.caspian.app.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.app.CaspianCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caspian hsm ...} end to end in a temporary key store. */
class HsmCliTest {
    @TempDir
    Path directory;
    String store;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void init() {
        store = directory.resolve("hsm").toString();
        assertThat(run("hsm", "lmk", "init", "--store", store)).isZero();
        assertThat(out.toString()).contains("kcv=");
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = CaspianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void keysPinsAndMacs() {
        assertThat(run("hsm", "key", "generate", "--store", store, "--id", "zpk.mir",
                "--type", "ZPK", "--algorithm", "TDES_2KEY")).isZero();
        assertThat(run("hsm", "key", "generate", "--store", store, "--id", "zpk.shetab",
                "--type", "ZPK", "--algorithm", "AES_128")).isZero();
        assertThat(run("hsm", "pin", "block", "--store", store, "--pin", "1234", "--pan",
                "5555555551234567", "--format", "0", "--key", "zpk.mir")).isZero();
        assertThat(err.toString()).contains("WARNING");
        assertThat(out.toString()).contains("clear 041261AAAAEDCBA9");
        String encrypted = out.toString().lines().filter(l -> l.startsWith("encrypted "))
                .findFirst().orElseThrow().substring("encrypted ".length());
        assertThat(run("hsm", "pin", "translate", "--store", store, "--from-key", "zpk.mir",
                "--from-format", "0", "--to-key", "zpk.shetab", "--to-format", "4", "--pan",
                "5555555551234567", "--pin-block", encrypted)).isZero();
        assertThat(out.toString().strip()).hasSize(32);

        assertThat(run("hsm", "key", "generate", "--store", store, "--id", "zak.mir",
                "--type", "ZAK", "--algorithm", "TDES_2KEY")).isZero();
        assertThat(run("hsm", "mac", "generate", "--store", store, "--key", "zak.mir",
                "--algorithm", "ISO9797_ALG3_PAD2", "--data", "0200ABCD")).isZero();
        String mac = out.toString().strip();
        assertThat(run("hsm", "mac", "verify", "--store", store, "--key", "zak.mir",
                "--algorithm", "ISO9797_ALG3_PAD2", "--data", "0200ABCD", "--mac", mac)).isZero();
        assertThat(run("hsm", "mac", "verify", "--store", store, "--key", "zak.mir",
                "--algorithm", "ISO9797_ALG3_PAD2", "--data", "0200ABCE", "--mac", mac))
                .isEqualTo(1);

        assertThat(run("hsm", "key", "list", "--store", store)).isZero();
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(run("hsm", "kcv", "--clear", "3F419E1CB7079442AA37474C2EFBF8B8")).isZero();
        assertThat(out.toString().strip()).isEqualTo("57C409");
    }

    @Test
    void keyExchangeUnderAZmk() {
        run("hsm", "key", "generate", "--store", store, "--id", "zmk.mir", "--type", "ZMK",
                "--algorithm", "TDES_2KEY");
        run("hsm", "key", "generate", "--store", store, "--id", "zpk.mir", "--type", "ZPK",
                "--algorithm", "TDES_2KEY");
        assertThat(run("hsm", "key", "export", "--store", store, "--key", "zpk.mir", "--zmk",
                "zmk.mir")).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).startsWith("B0080P0TB00E0000");
        String kcv = lines[1].strip().substring(4);
        assertThat(run("hsm", "key", "import", "--store", store, "--id", "zpk.copy", "--zmk",
                "zmk.mir", "--key-block", lines[0], "--kcv", kcv)).isZero();
        assertThat(run("hsm", "key", "import", "--store", store, "--id", "zpk.copy", "--zmk",
                "zmk.mir", "--key-block", lines[0], "--kcv", "000000")).isEqualTo(2);
        assertThat(err.toString()).startsWith("caspian: KEY_CHECK_VALUE_MISMATCH").hasLineCount(1);
        assertThat(run("hsm", "key", "retire", "--store", store, "--key", "zpk.copy@v1"))
                .isZero();
        assertThat(out.toString()).contains("RETIRED");
    }

    @Test
    void errorsAreOneLineWithExitCode2() {
        assertThat(run("hsm", "pin", "translate", "--store", store, "--from-key", "x",
                "--from-format", "2", "--to-key", "y", "--to-format", "0", "--pan",
                "5555555551234567", "--pin-block", "0011223344556677")).isEqualTo(2);
        assertThat(err.toString()).contains("format 2").hasLineCount(1);
        assertThat(run("hsm", "mac", "generate", "--store", store, "--key", "nope",
                "--algorithm", "AES_CMAC", "--data", "00")).isEqualTo(2);
        assertThat(err.toString()).startsWith("caspian: KEY_NOT_FOUND").hasLineCount(1);
        assertThat(run("hsm", "key", "list", "--store", directory.resolve("none").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1);
        assertThat(run("hsm", "kcv", "--clear", "XYZ")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).doesNotContain("XYZ");
        assertThat(run("hsm", "key", "generate", "--store", store, "--id", "k",
                "--type", "ZPK")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1);
    }
}
