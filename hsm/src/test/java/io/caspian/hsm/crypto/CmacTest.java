package io.caspian.hsm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CmacTest {
    private static final byte[] KEY = Hex.decode("2B7E151628AED2A6ABF7158809CF4F3C");

    /** NIST SP 800-38B, Appendix D.1 (AES-128), examples 1 to 4. */
    @ParameterizedTest(name = "SP 800-38B D.1 example {index}")
    @CsvSource({
        "'', BB1D6929E95937287FA37D129B756746",
        "6BC1BEE22E409F96E93D7E117393172A, 070A16B46B4D4144F79BDD9DD04A287C",
        "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411,"
                + " DFA66747DE9AE63030CA32611497C827",
        "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411"
                + "E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710,"
                + " 51F0BEBF7E3B9D92FC49741779363CFE"
    })
    void aes128Examples(String message, String expected) {
        byte[] data = message == null ? new byte[0] : Hex.decode(message);
        assertThat(Hex.encode(Cmac.compute(BlockAlgorithm.AES, KEY, data))).isEqualTo(expected);
    }
}
