package io.caspian.store.pan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.hsm.Pan;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SoftwarePanProtectorTest {
    private final TestPanKeys keys = new TestPanKeys();
    private final SoftwarePanProtector protector =
            new SoftwarePanProtector(keys, new SecureRandom());

    @Property(tries = 200)
    void revealInvertsProtect(@ForAll @NumericChars @StringLength(min = 12, max = 19)
            String digits) {
        ProtectedPan stored = protector.protect(Pan.of(digits));

        assertThat(protector.reveal(stored).digits()).isEqualTo(digits);
        assertThat(stored.first6()).isEqualTo(digits.substring(0, 6));
        assertThat(stored.last4()).isEqualTo(digits.substring(digits.length() - 4));
        assertThat(stored.hash()).isEqualTo(protector.lookupHash(Pan.of(digits)));
        assertThat(new String(stored.ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain(digits);
        assertThat(stored.toString()).doesNotContain(digits);
    }

    @Test
    void encryptingTwiceGivesDifferentCiphertextButTheSameLookupHash() {
        Pan pan = Pan.of("6037991234567890");
        ProtectedPan a = protector.protect(pan);
        ProtectedPan b = protector.protect(pan);

        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.hash()).isEqualTo(b.hash());
        assertThat(protector.lookupHash(Pan.of("6037991234567891"))).isNotEqualTo(a.hash());
    }

    @Test
    void rowsEncryptedUnderAnOldDataKeyStayReadableAfterRotation() {
        ProtectedPan old = protector.protect(Pan.of("2200123456789012"));
        keys.rotateTo("data-2");
        ProtectedPan fresh = protector.protect(Pan.of("2200123456789012"));

        assertThat(old.keyId()).isEqualTo("data-1");
        assertThat(fresh.keyId()).isEqualTo("data-2");
        assertThat(protector.reveal(old).digits()).isEqualTo("2200123456789012");
        assertThat(fresh.hash()).isEqualTo(old.hash());
    }

    @Test
    void alteredCiphertextOrRelabelledKeyIdIsRefused() {
        ProtectedPan stored = protector.protect(Pan.of("2200123456789012"));
        byte[] altered = stored.ciphertext();
        altered[altered.length - 1] ^= 1;
        keys.rotateTo("data-2");

        assertThatThrownBy(() -> protector.reveal(new ProtectedPan(altered, stored.keyId(),
                stored.hash(), stored.first6(), stored.last4())))
                .isInstanceOf(PanProtectionException.class)
                .hasMessageNotContaining("2200123456789012");
        // The key id is authenticated data: moving a row to another key cannot decrypt.
        assertThatThrownBy(() -> protector.reveal(new ProtectedPan(stored.ciphertext(),
                "data-2", stored.hash(), stored.first6(), stored.last4())))
                .isInstanceOf(PanProtectionException.class);
    }

    @Test
    void aPanTooShortToMaskIsRefused() {
        assertThatThrownBy(() -> protector.protect(Pan.of("12345678901")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("12345678901");
    }
}
