package io.caspian.hsm.pin;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For every format, PIN length and PAN: encipher then decipher gives the PIN back. */
class PinBlockPropertiesTest {

    @Property(tries = 300)
    void encipherDecipherRoundTrip(@ForAll PinBlockFormat format, @ForAll("pins") String pin,
            @ForAll("pans") String pan, @ForAll long seed) {
        Random random = new Random(seed);
        KeyAlgorithm algorithm = format == PinBlockFormat.ISO_4
                ? KeyAlgorithm.AES_256 : KeyAlgorithm.TDES_3KEY;
        byte[] key = new byte[algorithm.keyLengthBytes()];
        random.nextBytes(key);
        try (ClearPin clear = ClearPin.of(pin.toCharArray())) {
            byte[] block = PinBlocks.encipher(format, algorithm, key, clear, Pan.of(pan), random);
            assertThat(block).hasSize(format.blockLengthBytes());
            try (ClearPin decoded = PinBlocks.decipher(format, algorithm, key, block,
                    Pan.of(pan))) {
                assertThat(decoded.matches(clear)).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<String> pins() {
        return Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> pans() {
        return Arbitraries.strings().numeric().ofMinLength(13).ofMaxLength(19);
    }
}
