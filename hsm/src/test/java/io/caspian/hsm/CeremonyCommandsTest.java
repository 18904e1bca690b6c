package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.keys.KeyStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key ceremonies: forming keys from clear components and splitting ZMKs into them. */
class CeremonyCommandsTest {
    /** The classic test key; its TDES check value 08D7B4 is the one every vendor prints. */
    private static final String TEST_KEY = "0123456789ABCDEFFEDCBA9876543210";

    @TempDir
    Path directory;
    TestHsm t;

    @BeforeEach
    void setUp() {
        t = new TestHsm(directory.resolve("a"));
    }

    @Test
    void tdesKeyFromTwoComponentsGetsOddParity() {
        // The second component also flips the parity bit of every byte, so the components
        // XOR to the test key with even parity: the HSM must force it back to odd.
        String first = "1111111111111111F0F0F0F0F0F0F0F0";
        String second = Components.complement(Components.complement(TEST_KEY, first),
                "01010101010101010101010101010101");
        KeyComponent a = Components.of(KeyAlgorithm.TDES_2KEY, first);
        KeyComponent b = Components.of(KeyAlgorithm.TDES_2KEY, second);
        FormedKey formed = t.ok(new HsmCommand.FormKey("zmk.shetab", KeyUsage.K0,
                KeyAlgorithm.TDES_2KEY, List.of(a, b), "08D7B4"));
        assertThat(formed.oddParityForced()).isTrue();
        assertThat(formed.key().checkValue()).isEqualTo("08D7B4");
        assertThat(formed.key().type()).isEqualTo(KeyType.ZMK);
        assertThat(a.value()).containsOnly(0);
        assertThat(b.value()).containsOnly(0);
    }

    @Test
    void aesKeyFromThreeComponents() {
        Random random = new Random(11);
        byte[] key = new byte[32];
        List<KeyComponent> components = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] value = new byte[32];
            random.nextBytes(value);
            for (int j = 0; j < key.length; j++) {
                key[j] ^= value[j];
            }
            components.add(Components.of(KeyAlgorithm.AES_256, Hex.encode(value)));
        }
        FormedKey formed = t.ok(new HsmCommand.FormKey("zmk.shetab", KeyUsage.K1,
                KeyAlgorithm.AES_256, components, null));
        assertThat(formed.oddParityForced()).isFalse();
        assertThat(formed.key().checkValue())
                .isEqualTo(Components.kcv(KeyAlgorithm.AES_256, key));
        assertThat(formed.key().modeOfUse()).isEqualTo(ModeOfUse.B);
    }

    @Test
    void aWrongComponentStopsTheCeremonyAndStoresNothing() {
        KeyComponent good = Components.of(KeyAlgorithm.TDES_2KEY, TEST_KEY);
        byte[] other = Hex.decode("1111111111111111F0F0F0F0F0F0F0F0");
        String actual = Components.kcv(KeyAlgorithm.TDES_2KEY, other);
        HsmResult<FormedKey> result = t.hsm.execute(new HsmCommand.FormKey("zmk", KeyUsage.K0,
                KeyAlgorithm.TDES_2KEY, List.of(good, new KeyComponent(other, "ABCDEF")), null));
        assertThat(result).isEqualTo(new HsmResult.Refused<FormedKey>(
                HsmError.KEY_CHECK_VALUE_MISMATCH,
                "component 2's check value is " + actual + ", not ABCDEF"));
        assertThat(other).containsOnly(0);
        assertThat(t.refused(new HsmCommand.DescribeKey(KeyRef.current("zmk"))))
                .isEqualTo(HsmError.KEY_NOT_FOUND);

        assertThat(t.refused(form(KeyAlgorithm.TDES_2KEY, "000000", TEST_KEY,
                "1111111111111111F0F0F0F0F0F0F0F0"))).isEqualTo(HsmError.KEY_CHECK_VALUE_MISMATCH);
        assertThat(t.refused(form(KeyAlgorithm.AES_128, null, TEST_KEY, "00112233")))
                .isEqualTo(HsmError.INPUT_INVALID);
        assertThat(t.refused(form(KeyAlgorithm.AES_128, null, TEST_KEY)))
                .isEqualTo(HsmError.INPUT_INVALID);
        assertThat(t.refused(form(KeyAlgorithm.AES_128, null, TEST_KEY, TEST_KEY)))
                .as("a component entered twice cancels out").isEqualTo(HsmError.INPUT_INVALID);
        String singleDes = Components.complement("0123456789ABCDEF0123456789ABCDEF", TEST_KEY);
        assertThat(t.refused(form(KeyAlgorithm.TDES_2KEY, null, TEST_KEY, singleDes)))
                .as("equal halves are single DES").isEqualTo(HsmError.INPUT_INVALID);
        assertThat(t.ok(new HsmCommand.ListKeys())).isEmpty();
    }

    @Test
    void splitComponentsFormTheSameZmkElsewhere() {
        TestHsm other = new TestHsm(directory.resolve("b"));
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.TDES_2KEY, KeyAlgorithm.AES_256)) {
            for (int count = 2; count <= 3; count++) {
                String id = "zmk." + algorithm + "." + count;
                KeyInfo zmk = t.generate(id, KeyUsage.K0, algorithm);
                KeyComponents split = t.ok(new HsmCommand.SplitKey(zmk.ref(), count));
                assertThat(split.components()).hasSize(count);
                FormedKey formed = other.ok(new HsmCommand.FormKey(id, KeyUsage.K0, algorithm,
                        split.components(), zmk.checkValue()));
                assertThat(formed.key().checkValue()).isEqualTo(zmk.checkValue());
            }
        }
    }

    @Test
    void onlyExportableZmksSplit(@TempDir Path elsewhere) throws Exception {
        KeyInfo zpk = t.generate("zpk", KeyUsage.P0, KeyAlgorithm.AES_128);
        assertThat(t.refused(new HsmCommand.SplitKey(zpk.ref(), 2)))
                .isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        KeyInfo zmk = t.generate("zmk", KeyUsage.K0, KeyAlgorithm.AES_128);
        assertThat(t.refused(new HsmCommand.SplitKey(zmk.ref(), 4)))
                .isEqualTo(HsmError.INPUT_INVALID);
        assertThat(t.refused(new HsmCommand.SplitKey(zmk.ref(), 1)))
                .isEqualTo(HsmError.INPUT_INVALID);

        KeyStore store = KeyStore.create(elsewhere, t.lmk, t.clock, Duration.ofMinutes(5),
                new SecureRandom());
        store.add(new KeyInfo("zmk.n", 1, KeyUsage.K0, KeyAlgorithm.TDES_2KEY, ModeOfUse.B,
                Exportability.N, "-", KeyStatus.ACTIVE, t.clock.instant(), null),
                Hex.decode(TEST_KEY));
        SoftwareHsm hsm = SoftwareHsm.open(elsewhere, t.lmk);
        HsmResult<KeyComponents> refused = hsm.execute(new HsmCommand.SplitKey(
                KeyRef.current("zmk.n"), 2));
        assertThat(((HsmResult.Refused<KeyComponents>) refused).error())
                .isEqualTo(HsmError.KEY_NOT_EXPORTABLE);
    }

    private static HsmCommand.FormKey form(KeyAlgorithm algorithm, String kcv,
            String... components) {
        List<KeyComponent> list = java.util.Arrays.stream(components)
                .map(hex -> Components.of(algorithm, hex)).toList();
        return new HsmCommand.FormKey("zmk", KeyUsage.K0, algorithm, list, kcv);
    }
}
