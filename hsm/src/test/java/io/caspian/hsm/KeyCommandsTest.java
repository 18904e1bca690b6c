package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.keys.KeyStore;
import io.caspian.hsm.keys.Lmk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCommandsTest {
    @TempDir
    Path directory;
    TestHsm t;

    @BeforeEach
    void setUp() {
        t = new TestHsm(directory);
    }

    @Test
    void keyBlockExportRoundTripsThroughTheStore() {
        KeyInfo zmk = t.generate("zmk.mir", KeyUsage.K0, KeyAlgorithm.AES_256);
        KeyInfo zpk = t.generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.AES_128);
        ExportedKey exported = t.ok(new HsmCommand.ExportKeyBlock(zpk.ref(), zmk.ref(), 'D'));
        assertThat(exported.form()).startsWith("D0112P0AB00E0000");
        assertThat(exported.checkValue()).isEqualTo(zpk.checkValue());
        KeyInfo imported = t.ok(new HsmCommand.ImportKeyBlock("zpk.copy", zmk.ref(),
                exported.form(), exported.checkValue()));
        assertThat(imported.checkValue()).isEqualTo(zpk.checkValue());
        assertThat(imported.algorithm()).isEqualTo(KeyAlgorithm.AES_128);

        KeyInfo tdesZmk = t.generate("zmk.tdes", KeyUsage.K0, KeyAlgorithm.TDES_3KEY);
        assertThat(t.refused(new HsmCommand.ExportKeyEcb(zpk.ref(), tdesZmk.ref())))
                .isEqualTo(HsmError.KEY_ALGORITHM_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.ExportKeyBlock(zpk.ref(), tdesZmk.ref(), 'D')))
                .isEqualTo(HsmError.KEY_ALGORITHM_NOT_PERMITTED);
    }

    @Test
    void ecbRoundTripAndCheckValue() {
        KeyInfo zmk = t.generate("zmk.mir", KeyUsage.K0, KeyAlgorithm.TDES_2KEY);
        KeyInfo zak = t.generate("zak.mir", KeyUsage.M3, KeyAlgorithm.TDES_2KEY);
        ExportedKey exported = t.ok(new HsmCommand.ExportKeyEcb(zak.ref(), zmk.ref()));
        KeyInfo imported = t.ok(new HsmCommand.ImportKeyEcb("zak.copy", KeyUsage.M3,
                KeyAlgorithm.TDES_2KEY, zmk.ref(), Hex.decode(exported.form()),
                exported.checkValue()));
        assertThat(imported.checkValue()).isEqualTo(zak.checkValue());
        assertThat(imported.type()).isEqualTo(KeyType.ZAK);
    }

    @Test
    void wrongCheckValueIsRefusedAndNothingIsStored() {
        KeyInfo zmk = t.generate("zmk.mir", KeyUsage.K0, KeyAlgorithm.TDES_2KEY);
        KeyInfo zpk = t.generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        ExportedKey exported = t.ok(new HsmCommand.ExportKeyBlock(zpk.ref(), zmk.ref(), 'B'));
        String wrong = exported.checkValue().equals("000000") ? "000001" : "000000";
        assertThat(t.refused(new HsmCommand.ImportKeyBlock("zpk.in", zmk.ref(), exported.form(),
                wrong))).isEqualTo(HsmError.KEY_CHECK_VALUE_MISMATCH);
        assertThat(t.refused(new HsmCommand.DescribeKey(KeyRef.current("zpk.in"))))
                .isEqualTo(HsmError.KEY_NOT_FOUND);
        KeyInfo ok = t.ok(new HsmCommand.ImportKeyBlock("zpk.in", zmk.ref(), exported.form(),
                exported.checkValue()));
        assertThat(ok.usage()).isEqualTo(KeyUsage.P0);
        assertThat(ok.modeOfUse()).isEqualTo(ModeOfUse.B);
    }

    /**
     * TR-31:2018 A.7.2.2 (via the openemv/tr31 test suite): the published block imports under
     * its published KBPK, with its published check value; its header (P0, mode E: encrypt
     * only) is then enforced on use, so the key cannot decrypt an incoming PIN block.
     */
    @Test
    void publishedKeyBlockImportsAndItsHeaderIsEnforced(@TempDir Path ceremony)
            throws IOException {
        Lmk lmk = Lmk.generate(new SecureRandom()).toLmk();
        KeyStore store = KeyStore.create(ceremony, lmk, t.clock, Duration.ofMinutes(5),
                new SecureRandom());
        store.add(new KeyInfo("kbpk.a722", 1, KeyUsage.K0, KeyAlgorithm.TDES_2KEY, ModeOfUse.B,
                Exportability.N, "-", KeyStatus.ACTIVE, t.clock.instant(), null),
                Hex.decode("DD7515F2BFC17F85CE48F3CA25CB21F6"));
        SoftwareHsm hsm = SoftwareHsm.open(ceremony, lmk);
        String block = "B0080P0TE00E000094B420079CC80BA3461F86FE26EFC4A3B8E4FA4C5F5341176EED7B"
                + "727B8A248E";
        HsmResult<KeyInfo> wrongKcv = hsm.execute(new HsmCommand.ImportKeyBlock("zpk.a722",
                KeyRef.current("kbpk.a722"), block, "57C408"));
        assertThat(wrongKcv).isEqualTo(new HsmResult.Refused<KeyInfo>(
                HsmError.KEY_CHECK_VALUE_MISMATCH, "the key's check value is 57C409, not 57C408"));
        KeyInfo zpk = hsm.execute(new HsmCommand.ImportKeyBlock("zpk.a722",
                KeyRef.current("kbpk.a722"), block, "57C409")).orElseThrow();
        assertThat(zpk.modeOfUse()).isEqualTo(ModeOfUse.E);

        HsmResult<TranslatedPin> decrypt = hsm.execute(new HsmCommand.TranslatePin(zpk.ref(),
                PinBlockFormat.ISO_0, zpk.ref(), PinBlockFormat.ISO_0, Pan.of("4111111111111111"),
                EncryptedPinBlock.ofHex("0123456789ABCDEF")));
        assertThat(((HsmResult.Refused<TranslatedPin>) decrypt).error())
                .isEqualTo(HsmError.MODE_OF_USE_NOT_PERMITTED);
        HsmResult<ExportedKey> export = hsm.execute(new HsmCommand.ExportKeyBlock(zpk.ref(),
                KeyRef.current("kbpk.a722"), 'B'));
        assertThat(export.isOk()).isTrue();
        HsmResult<ExportedKey> exportZmk = hsm.execute(new HsmCommand.ExportKeyEcb(
                KeyRef.current("kbpk.a722"), zpk.ref()));
        assertThat(((HsmResult.Refused<ExportedKey>) exportZmk).error())
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
    }

    @Test
    void keysDoOnlyWhatTheirTypeAllows() {
        KeyInfo zpk = t.generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        KeyInfo zak = t.generate("zak.mir", KeyUsage.M3, KeyAlgorithm.TDES_2KEY);
        byte[] data = "0200 message".getBytes(StandardCharsets.US_ASCII);
        assertThat(t.refused(new HsmCommand.GenerateMac(zpk.ref(),
                MacAlgorithm.ISO9797_ALG3_PAD1, data, 8)))
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.GenerateMac(zak.ref(),
                MacAlgorithm.ISO9797_ALG1_PAD1, data, 8)))
                .isEqualTo(HsmError.MAC_ALGORITHM_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.ExportKeyBlock(zak.ref(), zpk.ref(), 'B')))
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
    }

    @Test
    void macKeyChangeKeepsInFlightMessagesVerifiable() {
        KeyInfo v1 = t.generate("zak.mir", KeyUsage.M6, KeyAlgorithm.AES_128);
        byte[] data = "0200 in flight".getBytes(StandardCharsets.US_ASCII);
        GeneratedMac mac = t.ok(new HsmCommand.GenerateMac(v1.ref(), MacAlgorithm.AES_CMAC,
                data, 8));
        t.generate("zak.mir", KeyUsage.M6, KeyAlgorithm.AES_128);
        HsmCommand.VerifyMac verify = new HsmCommand.VerifyMac(KeyRef.current("zak.mir"),
                MacAlgorithm.AES_CMAC, data, mac.mac());
        assertThat(t.ok(verify)).isEqualTo(new Verification(true, 1));
        t.ok(new HsmCommand.RetireKey(KeyRef.of("zak.mir", 1)));
        assertThat(t.ok(verify)).isEqualTo(new Verification(false, 0));
        GeneratedMac fresh = t.ok(new HsmCommand.GenerateMac(KeyRef.current("zak.mir"),
                MacAlgorithm.AES_CMAC, data, 8));
        assertThat(fresh.keyVersion()).isEqualTo(2);
    }

    @Test
    void cachedKeysGiveTheSameMacsAsAFreshlyOpenedStoreAndFollowAKeyChange()
            throws IOException {
        t.generate("zak.mir", KeyUsage.M3, KeyAlgorithm.TDES_2KEY);
        byte[] data = "0200 cached".getBytes(StandardCharsets.US_ASCII);
        HsmCommand.GenerateMac command = new HsmCommand.GenerateMac(KeyRef.current("zak.mir"),
                MacAlgorithm.ISO9797_ALG3_PAD2, data, 8);
        byte[] first = t.ok(command).mac();
        // A command zeroes its copy of the key when done: the cached value must survive it.
        assertThat(t.ok(command).mac()).isEqualTo(first);
        SoftwareHsm reopened = SoftwareHsm.open(directory, t.lmk);
        assertThat(reopened.execute(command).orElseThrow().mac()).isEqualTo(first);

        t.generate("zak.mir", KeyUsage.M3, KeyAlgorithm.TDES_2KEY);
        GeneratedMac changed = t.ok(command);
        assertThat(changed.keyVersion()).isEqualTo(2);
        assertThat(changed.mac()).isNotEqualTo(first);
        t.ok(new HsmCommand.RetireKey(KeyRef.current("zak.mir")));
        assertThat(t.refused(command)).isEqualTo(HsmError.KEY_RETIRED);
    }

    @Test
    void storeSurvivesReopenAndRefusesWrongLmkOrEdits() throws IOException {
        KeyInfo zpk = t.generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        SoftwareHsm reopened = SoftwareHsm.open(directory, t.lmk);
        KeyInfo described = reopened.execute(new HsmCommand.DescribeKey(zpk.ref()))
                .orElseThrow();
        assertThat(described).isEqualTo(zpk);

        Lmk other = Lmk.generate(new SecureRandom()).toLmk();
        assertThatThrownBy(() -> SoftwareHsm.open(directory, other))
                .isInstanceOf(IOException.class).hasMessageContaining("is not the LMK");

        Path file = directory.resolve(KeyStore.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("status=ACTIVE",
                "status=RETIRED"));
        assertThatThrownBy(() -> SoftwareHsm.open(directory, t.lmk))
                .isInstanceOf(IOException.class).hasMessageContaining("altered");
    }

    @Test
    void lmkFileMustBeOwnerOnly(@TempDir Path lmkDirectory) throws IOException {
        SoftwareHsm.initialize(lmkDirectory.resolve("hsm"));
        Path lmkFile = lmkDirectory.resolve("hsm").resolve(SoftwareHsm.LMK_FILE_NAME);
        Lmk lmk = Lmk.readFile(lmkFile);
        assertThat(SoftwareHsm.open(lmkDirectory.resolve("hsm"), lmk)
                .execute(new HsmCommand.ListKeys()).orElseThrow()).isEmpty();
        Files.setPosixFilePermissions(lmkFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Lmk.readFile(lmkFile)).isInstanceOf(IOException.class)
                .hasMessageContaining("owner only");
    }

    @Test
    void retiredKeysStayListedButUnusable() {
        t.generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        List<KeyInfo> retired = t.ok(new HsmCommand.RetireKey(KeyRef.current("zpk.mir")));
        assertThat(retired).extracting(KeyInfo::status).containsOnly(KeyStatus.RETIRED);
        assertThat(t.ok(new HsmCommand.ListKeys())).hasSize(1);
        assertThat(t.refused(new HsmCommand.ExportKeyEcb(KeyRef.current("zpk.mir"),
                KeyRef.current("zpk.mir")))).isEqualTo(HsmError.KEY_RETIRED);
    }
}
