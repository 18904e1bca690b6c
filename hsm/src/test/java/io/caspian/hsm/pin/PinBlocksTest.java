package io.caspian.hsm.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.BlockAlgorithm;
import io.caspian.hsm.crypto.Ciphers;
import io.caspian.hsm.crypto.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinBlocksTest {
    private static final Pan PSEC_PAN = Pan.of("5555555551234567");
    private static final byte[] TDES_KEY = Hex.decode("0123456789ABCDEFFEDCBA9876543210");

    /** Format 0 clear blocks from the psec test suite (tests/test_pinblock.py). */
    @ParameterizedTest
    @CsvSource({"1234, 041261AAAAEDCBA9", "123456789, 091261032D8DCBA9",
        "1234567890, 0A1261032D82CBA9", "123456789012, 0C1261032D8226A9"})
    void format0ClearBlock(String pin, String block) {
        try (ClearPin clear = ClearPin.of(pin.toCharArray())) {
            byte[] built = PinBlocks.clearBlock(PinBlockFormat.ISO_0, clear, PSEC_PAN, null);
            assertThat(Hex.encode(built)).isEqualTo(block);
        }
    }

    /** Format 0 and 3 decoding vectors from psec (tests/test_pinblock.py), via encryption. */
    @ParameterizedTest
    @CsvSource({"ISO_0, 041261AAAAEDCBA9, 4", "ISO_0, 0C1261032D8226A9, 12",
        "ISO_3, 341261AAAAEDCBA9, 4", "ISO_3, 3C1261032D8226A9, 12"})
    void format0And3Decode(PinBlockFormat format, String clearBlock, int length) {
        byte[] encrypted = Ciphers.encryptEcb(BlockAlgorithm.TDES, TDES_KEY,
                Hex.decode(clearBlock));
        try (ClearPin pin = PinBlocks.decipher(format, KeyAlgorithm.TDES_2KEY, TDES_KEY,
                encrypted, PSEC_PAN)) {
            assertThat(pin.length()).isEqualTo(length);
            try (ClearPin expected = ClearPin.of("123456789012".substring(0, length)
                    .toCharArray())) {
                assertThat(pin.matches(expected)).isTrue();
            }
        }
    }

    /** Format 0 negatives from psec: bad fill and bad PIN length are refused. */
    @ParameterizedTest
    @CsvSource({"041261AAAAEDCBAA, PIN_BLOCK_INVALID", "0F1261AAAAEDCBA9, PIN_LENGTH_INVALID",
        "021261AAAAEDCBA9, PIN_LENGTH_INVALID", "051261AAAAEDCBA9, PIN_BLOCK_INVALID",
        "241261AAAAEDCBA9, PIN_BLOCK_INVALID"})
    void format0Negatives(String clearBlock, HsmError error) {
        byte[] encrypted = Ciphers.encryptEcb(BlockAlgorithm.TDES, TDES_KEY,
                Hex.decode(clearBlock));
        assertThatThrownBy(() -> PinBlocks.decipher(PinBlockFormat.ISO_0, KeyAlgorithm.TDES_2KEY,
                TDES_KEY, encrypted, PSEC_PAN))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.error()).isEqualTo(error));
    }

    /**
     * Format 4: ep2 eft/pos 2000 Security Specification 8.0.0, 8.4 "PIN Encryption", as
     * quoted in the psec test suite; and psec's short-PAN case.
     */
    @ParameterizedTest
    @CsvSource({
        "C1D0F8FB4958670DBA40AB1F3752EF0D, CC17F65586BFD0953010226C4FC5B3CA,"
                + " 432198765432109870, 1234",
        "00112233445566778899AABBCCDDEEFF, 39B69B1B91FE05D48F7EF0D68EB2CBD6, 1, 123456"})
    void format4Decipher(String key, String block, String pan, String pin) {
        try (ClearPin decoded = PinBlocks.decipher(PinBlockFormat.ISO_4, KeyAlgorithm.AES_128,
                Hex.decode(key), Hex.decode(block), Pan.of(pan));
                ClearPin expected = ClearPin.of(pin.toCharArray())) {
            assertThat(decoded.matches(expected)).isTrue();
        }
    }

    /** psec deterministic format 4 vector: random part all FF. */
    @Test
    void format4Encipher() {
        try (ClearPin pin = ClearPin.of("1234".toCharArray())) {
            byte[] block = PinBlocks.encipher(PinBlockFormat.ISO_4, KeyAlgorithm.AES_128,
                    Hex.decode("00112233445566778899AABBCCDDEEFF"), pin,
                    Pan.of("1234567890123456789"), new FixedRandom(0xFF));
            assertThat(Hex.encode(block)).isEqualTo("28B41FDDD29B743E93124BD8E32D921E");
        }
    }

    /**
     * Format 4 PIN and PAN fields: ANSI X9.24-3:2017 supplement test vectors (AES PIN block
     * format 4), as quoted by openemv/pinblock; psec's 18-digit PAN field; openemv's short PAN.
     */
    @ParameterizedTest
    @CsvSource({"4111111111111111, 44111111111111111000000000000000",
        "112233445566778899, 61122334455667788990000000000000",
        "123456789, 00001234567890000000000000000000"})
    void format4PanField(String pan, String field) {
        assertThat(Hex.encode(PinBlocks.panField(PinBlockFormat.ISO_4, Pan.of(pan))))
                .isEqualTo(field);
    }

    @Test
    void format4PinField() {
        try (ClearPin pin = ClearPin.of("1234".toCharArray())) {
            byte[] field = PinBlocks.clearBlock(PinBlockFormat.ISO_4, pin, null,
                    new FixedRandom(0x00));
            assertThat(Hex.encode(field)).startsWith("441234AAAAAAAAAA");
        }
    }

    @Test
    void format3FillIsAtoF() {
        try (ClearPin pin = ClearPin.of("1234".toCharArray())) {
            byte[] block = PinBlocks.clearBlock(PinBlockFormat.ISO_3, pin, PSEC_PAN,
                    new FixedRandom(0x00));
            // PIN field 341234AAAAAAAAAA (fill A = 10 + random 0) XOR PAN field 0000555555123456
            assertThat(Hex.encode(block)).isEqualTo("341261FFFFB89EFC");
        }
    }

    @Test
    void pinLengthOutside4To12IsRefused() {
        assertThatThrownBy(() -> ClearPin.of("123".toCharArray()))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.error()).isEqualTo(HsmError.PIN_LENGTH_INVALID));
        assertThatThrownBy(() -> ClearPin.of("1234567890123".toCharArray()))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.error()).isEqualTo(HsmError.PIN_LENGTH_INVALID));
    }

    @Test
    void wrongPanDoesNotDecode() {
        try (ClearPin pin = ClearPin.of("1234".toCharArray())) {
            byte[] block = PinBlocks.encipher(PinBlockFormat.ISO_0, KeyAlgorithm.TDES_2KEY,
                    TDES_KEY, pin, PSEC_PAN, null);
            assertThatThrownBy(() -> PinBlocks.decipher(PinBlockFormat.ISO_0,
                    KeyAlgorithm.TDES_2KEY, TDES_KEY, block, Pan.of("4111111111111111")))
                    .isInstanceOfSatisfying(Refusal.class,
                            r -> assertThat(r.error()).isEqualTo(HsmError.PIN_BLOCK_INVALID));
        }
    }

    @Test
    void formatNeedsItsCipher() {
        try (ClearPin pin = ClearPin.of("1234".toCharArray())) {
            assertThatThrownBy(() -> PinBlocks.encipher(PinBlockFormat.ISO_4,
                    KeyAlgorithm.TDES_2KEY, TDES_KEY, pin, PSEC_PAN, new FixedRandom(1)))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.error())
                            .isEqualTo(HsmError.KEY_ALGORITHM_NOT_PERMITTED));
        }
    }

    @Test
    void clearPinNeverPrintsDigits() {
        try (ClearPin pin = ClearPin.of("987654".toCharArray())) {
            assertThat(pin.toString()).doesNotContain("987654").contains("redacted");
        }
    }
}
