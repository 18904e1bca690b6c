package io.caspian.sim.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CardGeneratorTest {

    @Test
    void pansAreLuhnValidSixteenDigitsInTheSchemesIins() {
        CardGenerator mir = CardGenerator.mir(new Random(1));
        CardGenerator shetab = CardGenerator.shetab(new Random(1));
        for (int i = 0; i < 1_000; i++) {
            String m = mir.nextPan();
            String s = shetab.nextPan();
            assertThat(m).hasSize(16).matches("220[0-4][0-9]{12}");
            assertThat(Luhn.isValid(m)).isTrue();
            assertThat(s).hasSize(16);
            assertThat(CardGenerator.SHETAB_IINS).contains(s.substring(0, 6));
            assertThat(Luhn.isValid(s)).isTrue();
        }
    }

    @Test
    void sameSeedSameCards() {
        assertThat(CardGenerator.mir(new Random(5)).nextPan())
                .isEqualTo(CardGenerator.mir(new Random(5)).nextPan());
    }

    @Test
    void luhnKnownValues() {
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
        assertThat(Luhn.isValid("4111111111111112")).isFalse();
        assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
        assertThat(Pans.mask("6037991234567890")).isEqualTo("603799******7890");
    }
}
