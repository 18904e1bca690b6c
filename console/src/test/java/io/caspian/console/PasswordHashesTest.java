package io.caspian.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {
    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedAnew() {
        String a = PasswordHashes.hash("correct horse".toCharArray(),
                PasswordHashes.ITERATIONS_MIN);
        String b = PasswordHashes.hash("correct horse".toCharArray(),
                PasswordHashes.ITERATIONS_MIN);
        assertThat(a).startsWith("pbkdf2-sha256:100000:").isNotEqualTo(b);
        assertThat(PasswordHashes.verify(a, "correct horse".toCharArray())).isTrue();
        assertThat(PasswordHashes.verify(a, "correct horsE".toCharArray())).isFalse();
        assertThat(PasswordHashes.verify(b, "".toCharArray())).isFalse();
    }

    @Test
    void weakOrMalformedHashesAreRefused() {
        assertThatThrownBy(() -> PasswordHashes.requireWellFormed("plain-password"))
                .isInstanceOf(IllegalArgumentException.class);
        String fast = PasswordHashes.hash("x".toCharArray(), 100_000)
                .replace(":100000:", ":010000:");
        assertThatThrownBy(() -> PasswordHashes.requireWellFormed(fast))
                .hasMessageContaining("ITERATIONS(>=100000)");
        assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
    }
}
