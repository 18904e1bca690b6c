package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "zpk.mir", "MAC_shetab-2", "0.9"})
    void acceptsIdsOfTheDocumentedAlphabet(String id) {
        assertThat(KeyRef.current(id).id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zpk mir", "zpk/mir", "ключ", "zpk@1", "a\u0000"})
    void refusesOtherIds(String id) {
        assertThatThrownBy(() -> KeyRef.current(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 64 characters");
    }

    @Test
    void sixtyFourCharactersAtMost() {
        assertThat(KeyRef.current("k".repeat(64)).id()).hasSize(64);
        assertThatThrownBy(() -> KeyRef.current("k".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRef.current(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesWhatItWrites() {
        assertThat(KeyRef.parse("zpk.mir@v3")).isEqualTo(KeyRef.of("zpk.mir", 3));
        assertThat(KeyRef.parse(KeyRef.of("zpk.mir", 3).toString()))
                .isEqualTo(KeyRef.of("zpk.mir", 3));
        assertThat(KeyRef.parse("zpk.mir").isCurrent()).isTrue();
    }
}
