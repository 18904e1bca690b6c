package io.caspian.hsm.tr31;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.hsm.Exportability;
import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.ModeOfUse;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.Hex;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published key blocks: ASC X9 TR-31:2018 annex A.7.2.2 (version B) and A.7.4 (version D),
 * and Thales payShield 10k samples, as listed (with their KBPKs and keys) in the
 * openemv/tr31 test suite, test/tr31_decrypt_test.c.
 */
class KeyBlocksTest {
    private static final String B_A722 =
            "B0080P0TE00E000094B420079CC80BA3461F86FE26EFC4A3B8E4FA4C5F5341176EED7B727B8A248E";
    private static final String B_A722_KBPK = "DD7515F2BFC17F85CE48F3CA25CB21F6";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // TR-31:2018 A.7.2.2: TDES ZPK under a double-length TDES KBPK.
        B_A722 + ", TDES_2KEY, " + B_A722_KBPK
                + ", P0, T, E, E, TDES_2KEY, 3F419E1CB7079442AA37474C2EFBF8B8",
        // Thales payShield 10k sample: version B, K0, TDES.
        "B0080K0TN00N00001C414014375212C24995E405B5EE052CB92B67F455EA2680F6751088F9F1C228,"
                + " TDES_2KEY, EFE0853B256B583D868F251CE99EA1D9, K0, T, N, N, TDES_2KEY,"
                + " 5DB50B454F8389ADCE573BE50861F2BF",
        // TR-31:2018 A.7.4: AES-128 PIN key under an AES-256 KBPK.
        "D0112P0AE00E0000B82679114F470F540165EDFBF7E250FCEA43F810D215F8D207E2E417C07156A27E8E"
                + "31DA05F7425509593D03A457DC34, AES_256,"
                + " 88E1AB2A2E3DD38C1FA039A536500CC8A87AB9D62DC92C01058FA79F44657DE6,"
                + " P0, A, E, E, AES_128, 3F419E1CB7079442AA37474C2EFBF8B8",
        // Thales payShield 10k sample: version D carrying a TDES BDK.
        "D0112B0TN00N000037DB9B046B7B0048785690759580ABC3B9842AB4BB7717B49E92528E575785D812"
                + "3559376A2553B27BE94F054F4E971C, AES_256,"
                + " 4141414141414141414141414141414141414141414141414141414141414141,"
                + " B0, T, N, N, TDES_2KEY, 1FA1F7CEC798D91545DA8AE0C7796BD9",
        // Thales payShield 10k sample: version D carrying an AES-256 data key.
        "D0144D0AN00N0000127862F945C2DED04530FAF7CDBC8B0BA10C7AA79BD5E0C2C5D6AC173BF588E4B19A"
                + "CF1357178D50EA0AB193228E13958304FC6149632DFDCADF3A5B3D57E814, AES_256,"
                + " 4141414141414141414141414141414141414141414141414141414141414141,"
                + " D0, A, N, N, AES_256,"
                + " BE19E6A07A760F10EF8E83A226B63AAD141F463FDDD4F47DB244B4023EC3CACC"
    })
    void publishedBlocksUnwrap(String block, KeyAlgorithm kbpkAlgorithm, String kbpk,
            KeyUsage usage, char algorithm, ModeOfUse mode, Exportability exportability,
            KeyAlgorithm keyAlgorithm, String key) {
        KeyBlocks.Unwrapped unwrapped = KeyBlocks.unwrap(block, kbpkAlgorithm, Hex.decode(kbpk));
        assertThat(unwrapped.header().usage()).isEqualTo(usage);
        assertThat(unwrapped.header().algorithm()).isEqualTo(algorithm);
        assertThat(unwrapped.header().modeOfUse()).isEqualTo(mode);
        assertThat(unwrapped.header().exportability()).isEqualTo(exportability);
        assertThat(unwrapped.algorithm()).isEqualTo(keyAlgorithm);
        assertThat(Hex.encode(unwrapped.key())).isEqualTo(key);
    }

    @Test
    void tamperedBlockFailsAuthentication() {
        char last = B_A722.charAt(40);
        String tampered = B_A722.substring(0, 40) + (last == '0' ? '1' : '0')
                + B_A722.substring(41);
        assertThatThrownBy(() -> KeyBlocks.unwrap(tampered, KeyAlgorithm.TDES_2KEY,
                Hex.decode(B_A722_KBPK))).isInstanceOfSatisfying(Refusal.class, r -> assertThat(
                        r.error()).isEqualTo(HsmError.KEY_BLOCK_AUTHENTICATION_FAILED));
    }

    @Test
    void tamperedHeaderFailsAuthentication() {
        String tampered = B_A722.replaceFirst("P0TE", "P0TD");
        assertThatThrownBy(() -> KeyBlocks.unwrap(tampered, KeyAlgorithm.TDES_2KEY,
                Hex.decode(B_A722_KBPK))).isInstanceOfSatisfying(Refusal.class, r -> assertThat(
                        r.error()).isEqualTo(HsmError.KEY_BLOCK_AUTHENTICATION_FAILED));
    }

    @Test
    void variantVersionsAreRefused() {
        // TR-31:2018 A.7.2.1, version A (key variant binding).
        String versionA = "A0072P0TE00E0000F5161ED902807AF26F1D62263644BD24192FDB3193C7303"
                + "01CEE8701";
        assertThatThrownBy(() -> KeyBlocks.unwrap(versionA, KeyAlgorithm.TDES_2KEY,
                Hex.decode("89E88CF7931444F334BD7547FC3F380C")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.error())
                        .isEqualTo(HsmError.KEY_BLOCK_HEADER_NOT_PERMITTED));
    }

    @Test
    void versionDNeedsAnAesKbpk() {
        assertThatThrownBy(() -> KeyBlocks.wrap(KeyBlockHeader.of('D', KeyUsage.P0, 'T',
                ModeOfUse.B, Exportability.E), KeyAlgorithm.TDES_2KEY, new byte[16], new byte[16],
                new Random(1))).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.error())
                        .isEqualTo(HsmError.KEY_ALGORITHM_NOT_PERMITTED));
    }

    @ParameterizedTest
    @CsvSource({"B, TDES_2KEY, TDES_2KEY, T", "B, TDES_3KEY, TDES_3KEY, T",
        "D, AES_128, AES_128, A", "D, AES_256, TDES_3KEY, T", "D, AES_192, AES_192, A"})
    void wrapUnwrapRoundTrip(char version, KeyAlgorithm kbpkAlgorithm, KeyAlgorithm keyAlgorithm,
            char algorithm) {
        Random random = new Random(42);
        byte[] kbpk = new byte[kbpkAlgorithm.keyLengthBytes()];
        byte[] key = new byte[keyAlgorithm.keyLengthBytes()];
        random.nextBytes(kbpk);
        random.nextBytes(key);
        KeyBlockHeader header = KeyBlockHeader.of(version, KeyUsage.P0, algorithm, ModeOfUse.B,
                Exportability.E);
        String block = KeyBlocks.wrap(header, kbpkAlgorithm, kbpk, key, random);
        assertThat(block).startsWith(version + String.format("%04d", block.length()) + "P0"
                + algorithm + "B00E0000");
        KeyBlocks.Unwrapped unwrapped = KeyBlocks.unwrap(block, kbpkAlgorithm, kbpk);
        assertThat(unwrapped.key()).isEqualTo(key);
        assertThat(unwrapped.algorithm()).isEqualTo(keyAlgorithm);
    }
}
