package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.crypto.HmacSha256;
import io.caspian.hsm.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data keys and look-up hash keys: what the store uses to keep PANs encrypted at rest. */
class DataCommandsTest {
    private static final byte[] PAN = "6037991234567891".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "txn.pan".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;
    TestHsm t;

    @BeforeEach
    void setUp() {
        t = new TestHsm(directory);
    }

    @Test
    void encryptsAndDecryptsUnderTheCurrentVersion() {
        t.ok(new HsmCommand.EnsureKey("data.pan", KeyType.DATA, KeyAlgorithm.AES_256));
        EncryptedData encrypted = t.ok(new HsmCommand.EncryptData("data.pan", PAN, AAD));
        assertThat(encrypted.key()).isEqualTo(KeyRef.of("data.pan", 1));
        assertThat(encrypted.ciphertext()).hasSize(12 + PAN.length + 16);
        DecryptedData decrypted = t.ok(new HsmCommand.DecryptData(encrypted, AAD));
        assertThat(decrypted.data()).isEqualTo(PAN);
        assertThat(decrypted.keyVersion()).isEqualTo(1);
        EncryptedData again = t.ok(new HsmCommand.EncryptData("data.pan", PAN, AAD));
        assertThat(again.ciphertext()).as("a fresh nonce each time")
                .isNotEqualTo(encrypted.ciphertext());
    }

    @Test
    void anyAlteredByteOrOtherAssociatedDataIsRefused() {
        t.ok(new HsmCommand.EnsureKey("data.pan", KeyType.DATA, KeyAlgorithm.AES_256));
        EncryptedData encrypted = t.ok(new HsmCommand.EncryptData("data.pan", PAN, AAD));
        byte[] sealed = encrypted.ciphertext();
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x40;
            HsmResult<DecryptedData> result = t.hsm.execute(new HsmCommand.DecryptData(
                    encrypted.key(), altered, AAD));
            assertThat(result).as("byte %d altered", i).isEqualTo(new HsmResult.Refused<>(
                    HsmError.DATA_AUTHENTICATION_FAILED, "the GCM tag does not verify under"
                    + " data.pan@v1: wrong key version or associated data, or the ciphertext"
                    + " was altered"));
        }
        assertThat(t.refused(new HsmCommand.DecryptData(encrypted,
                "txn.pan2".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(HsmError.DATA_AUTHENTICATION_FAILED);
        assertThat(t.refused(new HsmCommand.DecryptData(encrypted.key(), new byte[27], AAD)))
                .isEqualTo(HsmError.INPUT_INVALID);
        assertThat(t.refused(new HsmCommand.EncryptData("data.pan",
                new byte[DataCommands.DATA_LENGTH_MAX_BYTES + 1], AAD)))
                .isEqualTo(HsmError.INPUT_INVALID);
    }

    @Test
    void keysDoOnlyWhatTheirTypeAllows() {
        t.generate("zpk", KeyUsage.P0, KeyAlgorithm.AES_256);
        t.generate("data.tdes", KeyUsage.D0, KeyAlgorithm.TDES_2KEY);
        t.generate("data.pan", KeyUsage.D0, KeyAlgorithm.AES_256);
        t.generate("lookup", KeyUsage.M7, KeyAlgorithm.AES_256);
        t.generate("lookup.short", KeyUsage.M7, KeyAlgorithm.AES_128);
        t.generate("zak", KeyUsage.M6, KeyAlgorithm.AES_256);
        assertThat(t.refused(new HsmCommand.EncryptData("zpk", PAN, AAD)))
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.EncryptData("lookup", PAN, AAD)))
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.EncryptData("data.tdes", PAN, AAD)))
                .isEqualTo(HsmError.KEY_ALGORITHM_NOT_PERMITTED);
        EncryptedData encrypted = t.ok(new HsmCommand.EncryptData("data.pan", PAN, AAD));
        assertThat(t.refused(new HsmCommand.DecryptData(KeyRef.current("lookup"),
                encrypted.ciphertext(), AAD))).isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.HashData(KeyRef.current("data.pan"), PAN)))
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.HashData(KeyRef.current("zak"), PAN)))
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.HashData(KeyRef.current("lookup.short"), PAN)))
                .isEqualTo(HsmError.KEY_ALGORITHM_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.GenerateMac(KeyRef.current("lookup"),
                MacAlgorithm.AES_CMAC, PAN, 8))).isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
    }

    @Test
    void ciphertextStaysReadableAfterTheDataKeyRotates() {
        t.ok(new HsmCommand.EnsureKey("data.pan", KeyType.DATA, KeyAlgorithm.AES_256));
        EncryptedData old = t.ok(new HsmCommand.EncryptData("data.pan", PAN, AAD));
        t.generate("data.pan", KeyUsage.D0, KeyAlgorithm.AES_256);
        t.clock.advance(Duration.ofDays(400));

        EncryptedData fresh = t.ok(new HsmCommand.EncryptData("data.pan", PAN, AAD));
        assertThat(fresh.key()).isEqualTo(KeyRef.of("data.pan", 2));
        assertThat(t.ok(new HsmCommand.DecryptData(old, AAD)).keyVersion()).isEqualTo(1);
        DecryptedData byCurrent = t.ok(new HsmCommand.DecryptData(KeyRef.current("data.pan"),
                old.ciphertext(), AAD));
        assertThat(byCurrent.keyVersion()).as("older versions are tried too").isEqualTo(1);
        assertThat(t.ok(new HsmCommand.DescribeKey(old.key())).usableUntil()).isNull();

        t.ok(new HsmCommand.RetireKey(old.key()));
        assertThat(t.refused(new HsmCommand.DecryptData(old, AAD)))
                .isEqualTo(HsmError.KEY_RETIRED);
        assertThat(t.ok(new HsmCommand.DecryptData(fresh, AAD)).data()).isEqualTo(PAN);
    }

    @Test
    void lookUpHashIsStableAndSurvivesRotation() {
        KeyInfo key = t.ok(new HsmCommand.EnsureKey("lookup", KeyType.HASH,
                KeyAlgorithm.AES_256));
        assertThat(key.usage()).isEqualTo(KeyUsage.M7);
        assertThat(key.modeOfUse()).isEqualTo(ModeOfUse.C);
        KeyedHash first = t.ok(new HsmCommand.HashData(KeyRef.current("lookup"), PAN));
        assertThat(first.hash()).hasSize(32);
        assertThat(first.key()).isEqualTo(KeyRef.of("lookup", 1));
        assertThat(t.ok(new HsmCommand.HashData(KeyRef.current("lookup"), PAN)))
                .isEqualTo(first);
        assertThat(t.ok(new HsmCommand.HashData(KeyRef.current("lookup"), AAD)).hash())
                .isNotEqualTo(first.hash());

        t.generate("lookup", KeyUsage.M7, KeyAlgorithm.AES_256);
        t.clock.advance(Duration.ofDays(400));
        assertThat(t.ok(new HsmCommand.HashData(first.key(), PAN))).isEqualTo(first);
        assertThat(t.ok(new HsmCommand.HashData(KeyRef.current("lookup"), PAN)).hash())
                .isNotEqualTo(first.hash());
    }

    @Test
    void ensureKeyMakesOneKeyAndNeverReplacesAnother() {
        KeyInfo made = t.ok(new HsmCommand.EnsureKey("data.pan", KeyType.DATA,
                KeyAlgorithm.AES_256));
        assertThat(t.ok(new HsmCommand.EnsureKey("data.pan", KeyType.DATA,
                KeyAlgorithm.AES_256))).isEqualTo(made);
        assertThat(t.refused(new HsmCommand.EnsureKey("data.pan", KeyType.DATA,
                KeyAlgorithm.AES_128))).isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.EnsureKey("data.pan", KeyType.HASH,
                KeyAlgorithm.AES_256))).isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.ok(new HsmCommand.ListKeys())).hasSize(1);
        t.ok(new HsmCommand.RetireKey(KeyRef.current("data.pan")));
        assertThat(t.ok(new HsmCommand.EnsureKey("data.pan", KeyType.DATA,
                KeyAlgorithm.AES_256)).version()).isEqualTo(2);
    }

    /**
     * GCM specification (McGrew and Viega, 2005) test case 16, AES-256 with associated data,
     * through the command: the key is formed from two components, the nonce injected.
     */
    @Test
    void gcmTestCase16ThroughTheCommand() {
        String key = "FEFFE9928665731C6D6A8F9467308308FEFFE9928665731C6D6A8F9467308308";
        String first = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
        t.ok(new HsmCommand.FormKey("data.kat", KeyUsage.D0, KeyAlgorithm.AES_256,
                List.of(Components.of(KeyAlgorithm.AES_256, first),
                        Components.of(KeyAlgorithm.AES_256, Components.complement(key, first))),
                null));
        String plaintext = "D9313225F88406E5A55909C5AFF5269A86A7A9531534F7DA2E4C303D8A318A72"
                + "1C3C0C95956809532FCF0E2449A6B525B16AEDF5AA0DE657BA637B39";
        byte[] aad = Hex.decode("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        String nonce = "CAFEBABEFACEDBADDECAF888";
        EncryptedData encrypted = t.hsm.encrypt(new HsmCommand.EncryptData("data.kat",
                Hex.decode(plaintext), aad), Hex.decode(nonce)).orElseThrow();
        assertThat(Hex.encode(encrypted.ciphertext())).isEqualTo(nonce
                + "522DC1F099567D07F47F37A32A84427D643A8CDCBFE5C0C97598A2BD2555D1AA"
                + "8CB08E48590DBB3DA7B08B1056828838C5F61E6393BA7A0ABCC9F662"
                + "76FC6ECE0F4E1768CDDF8853BB2D551B");
        assertThat(Hex.encode(t.ok(new HsmCommand.DecryptData(encrypted, aad)).data()))
                .isEqualTo(plaintext);
    }

    /** The command is HMAC-SHA-256 under the stored key (RFC 4231 vectors: HmacSha256Test). */
    @Test
    void keyedHashIsHmacSha256OfTheStoredKey() {
        String key = "0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B";
        String first = "F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0";
        t.ok(new HsmCommand.FormKey("lookup", KeyUsage.M7, KeyAlgorithm.AES_256,
                List.of(Components.of(KeyAlgorithm.AES_256, first),
                        Components.of(KeyAlgorithm.AES_256, Components.complement(key, first))),
                null));
        KeyedHash hash = t.ok(new HsmCommand.HashData(KeyRef.current("lookup"), PAN));
        assertThat(hash.hash()).isEqualTo(HmacSha256.compute(Hex.decode(key), PAN));
    }
}
