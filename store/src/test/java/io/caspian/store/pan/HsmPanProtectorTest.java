package io.caspian.store.pan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.hsm.EncryptedData;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyType;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.Pan;
import io.caspian.hsm.SoftwareHsm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real {@link SoftwareHsm} with its key store in a temporary directory. */
class HsmPanProtectorTest {
    private static final String DIGITS = "6037991234567890";
    private static final String MIDDLE = "991234567";

    @TempDir
    Path directory;

    private SoftwareHsm hsm;
    private HsmPanProtector protector;

    @BeforeEach
    void keys() throws Exception {
        hsm = SoftwareHsm.initialize(directory.resolve("hsm"));
        hsm.execute(new HsmCommand.EnsureKey("data.pan", KeyType.DATA, KeyAlgorithm.AES_256))
                .orElseThrow();
        hsm.execute(new HsmCommand.EnsureKey("pan.lookup", KeyType.HASH, KeyAlgorithm.AES_256))
                .orElseThrow();
        protector = new HsmPanProtector(hsm, "data.pan", "pan.lookup");
    }

    @Test
    void revealInvertsProtectAndTheRowNamesTheDataKeyVersion() {
        ProtectedPan stored = protector.protect(Pan.of(DIGITS));

        assertThat(protector.reveal(stored).digits()).isEqualTo(DIGITS);
        assertThat(stored.keyId()).isEqualTo("data.pan@v1");
        assertThat(stored.first6()).isEqualTo("603799");
        assertThat(stored.last4()).isEqualTo("7890");
        assertThat(stored.hash()).isEqualTo(protector.lookupHash(Pan.of(DIGITS)));
        assertThat(new String(stored.ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain(MIDDLE);
        assertThat(protector.protect(Pan.of(DIGITS)).ciphertext())
                .isNotEqualTo(stored.ciphertext());
        assertThat(protector.lookupHash(Pan.of("6037991234567891")))
                .isNotEqualTo(stored.hash());
    }

    @Test
    void theHashStaysTheSameAcrossADataKeyRotation() {
        ProtectedPan old = protector.protect(Pan.of(DIGITS));
        rotateDataKey();
        ProtectedPan fresh = protector.protect(Pan.of(DIGITS));

        assertThat(fresh.keyId()).isEqualTo("data.pan@v2");
        assertThat(fresh.hash()).isEqualTo(old.hash());
        assertThat(protector.lookupHash(Pan.of(DIGITS))).isEqualTo(old.hash());
    }

    @Test
    void aRowUnderARotatedAwayVersionStillRevealsUntilThatVersionIsRetired() {
        ProtectedPan old = protector.protect(Pan.of(DIGITS));
        rotateDataKey();

        assertThat(protector.reveal(old).digits()).isEqualTo(DIGITS);

        hsm.execute(new HsmCommand.RetireKey(KeyRef.of("data.pan", 1))).orElseThrow();
        assertThatThrownBy(() -> protector.reveal(old))
                .isInstanceOf(PanProtectionException.class)
                .hasMessageContaining("data.pan@v1")
                .hasMessageNotContaining(MIDDLE);
        assertThat(protector.reveal(protector.protect(Pan.of(DIGITS))).digits())
                .isEqualTo(DIGITS);
    }

    @Test
    void alteredCiphertextRelabelledVersionOrForeignPurposeIsRefused() {
        ProtectedPan stored = protector.protect(Pan.of(DIGITS));
        byte[] altered = stored.ciphertext();
        altered[altered.length - 1] ^= 1;
        rotateDataKey();

        assertRefused(new ProtectedPan(altered, stored.keyId(), stored.hash(),
                stored.first6(), stored.last4()));
        // Each version is its own key: a row relabelled to another one does not open.
        assertRefused(new ProtectedPan(stored.ciphertext(), "data.pan@v2", stored.hash(),
                stored.first6(), stored.last4()));
        // Without a version, reveal would have to guess; it refuses instead.
        assertRefused(new ProtectedPan(stored.ciphertext(), "data.pan", stored.hash(),
                stored.first6(), stored.last4()));
        // The same digits encrypted by the same key for another purpose do not reveal.
        EncryptedData foreign = hsm.execute(new HsmCommand.EncryptData("data.pan",
                DIGITS.getBytes(StandardCharsets.US_ASCII),
                "caspian.other".getBytes(StandardCharsets.US_ASCII))).orElseThrow();
        assertRefused(new ProtectedPan(foreign.ciphertext(), foreign.key().toString(),
                stored.hash(), stored.first6(), stored.last4()));
        // A genuine ciphertext copied onto another card's row is caught by its digits.
        assertRefused(new ProtectedPan(stored.ciphertext(), stored.keyId(), stored.hash(),
                "220220", stored.last4()));
    }

    @Test
    void unknownKeysAndWrongKeyTypesAreRefusedWithoutThePan() {
        HsmPanProtector noDataKey = new HsmPanProtector(hsm, "data.missing", "pan.lookup");
        assertThatThrownBy(() -> noDataKey.protect(Pan.of(DIGITS)))
                .isInstanceOf(PanProtectionException.class)
                .hasMessageContaining("data.missing")
                .hasMessageNotContaining(MIDDLE);
        // The data key cannot stand in for the look-up key: HASH keys are their own type.
        HsmPanProtector swapped = new HsmPanProtector(hsm, "pan.lookup", "data.pan");
        assertThatThrownBy(() -> swapped.lookupHash(Pan.of(DIGITS)))
                .isInstanceOf(PanProtectionException.class)
                .hasMessageNotContaining(MIDDLE);
        assertThatThrownBy(() -> swapped.protect(Pan.of(DIGITS)))
                .isInstanceOf(PanProtectionException.class)
                .hasMessageNotContaining(MIDDLE);
    }

    @Test
    void aPinnedLookUpKeyVersionKeepsHashingAfterTheLookUpKeyRotates() {
        PanHash before = protector.lookupHash(Pan.of(DIGITS));
        hsm.execute(new HsmCommand.GenerateKey("pan.lookup", KeyUsage.M7, KeyAlgorithm.AES_256))
                .orElseThrow();
        HsmPanProtector pinned = new HsmPanProtector(hsm, "data.pan", "pan.lookup@v1");

        assertThat(pinned.lookupHash(Pan.of(DIGITS))).isEqualTo(before);
        assertThat(protector.lookupHash(Pan.of(DIGITS))).isNotEqualTo(before);
    }

    @Test
    void noClearPanInToStringsOrMessages() {
        ProtectedPan stored = protector.protect(Pan.of(DIGITS));

        assertThat(stored.toString()).doesNotContain(MIDDLE).contains("603799******7890");
        assertThat(stored.hash().toString()).doesNotContain(MIDDLE);
        assertThatThrownBy(() -> protector.protect(Pan.of("60379912345")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("60379912345");
    }

    private void rotateDataKey() {
        hsm.execute(new HsmCommand.GenerateKey("data.pan", KeyUsage.D0, KeyAlgorithm.AES_256))
                .orElseThrow();
    }

    private void assertRefused(ProtectedPan row) {
        assertThatThrownBy(() -> protector.reveal(row))
                .isInstanceOf(PanProtectionException.class)
                .hasMessageNotContaining(MIDDLE)
                .satisfies(e -> assertThat(String.valueOf(e.getCause()))
                        .doesNotContain(MIDDLE));
    }
}
