package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinCommandsTest {
    private static final Pan PAN = Pan.of("6037991234567890");
    @TempDir
    Path directory;
    TestHsm t;
    PinUnderLmk reference;

    @BeforeEach
    void keys() {
        t = new TestHsm(directory);
        t.generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        t.generate("zpk.shetab", KeyUsage.P0, KeyAlgorithm.TDES_3KEY);
        t.generate("zpk.aes", KeyUsage.P0, KeyAlgorithm.AES_128);
        t.generate("zak.mir", KeyUsage.M3, KeyAlgorithm.TDES_2KEY);
        reference = t.enrol("4321", PAN);
    }

    private String zpkFor(PinBlockFormat format) {
        return format == PinBlockFormat.ISO_4 ? "zpk.aes" : "zpk.mir";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ISO_0, ISO_4", "ISO_4, ISO_0", "ISO_0, ISO_3", "ISO_3, ISO_0", "ISO_1, ISO_0",
        "ISO_1, ISO_4", "ISO_0, ISO_0", "ISO_4, ISO_3", "ISO_1, ISO_1"})
    void permittedTranslationsKeepThePin(PinBlockFormat from, PinBlockFormat to) {
        EncryptedPinBlock source = t.block(reference, PAN, zpkFor(from), from);
        String destination = to == PinBlockFormat.ISO_4 ? "zpk.aes" : "zpk.shetab";
        TranslatedPin translated = t.ok(new HsmCommand.TranslatePin(KeyRef.current(zpkFor(from)),
                from, KeyRef.current(destination), to, PAN, source));
        Verification verification = t.ok(new HsmCommand.VerifyPin(KeyRef.current(destination),
                to, PAN, translated.pinBlock(), reference));
        assertThat(verification.verified()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> ISO_1 refused")
    @CsvSource({"ISO_0", "ISO_3", "ISO_4"})
    void panBoundFormatsNeverGoToFormat1(PinBlockFormat from) {
        EncryptedPinBlock source = t.block(reference, PAN, zpkFor(from), from);
        assertThat(t.refused(new HsmCommand.TranslatePin(KeyRef.current(zpkFor(from)), from,
                KeyRef.current("zpk.shetab"), PinBlockFormat.ISO_1, PAN, source)))
                .isEqualTo(HsmError.PIN_TRANSLATION_NOT_PERMITTED);
    }

    @Test
    void wrongPanIsRefused() {
        EncryptedPinBlock source = t.block(reference, PAN, "zpk.mir", PinBlockFormat.ISO_0);
        assertThat(t.refused(new HsmCommand.TranslatePin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, KeyRef.current("zpk.aes"), PinBlockFormat.ISO_4,
                Pan.of("6037991234567880"), source))).isEqualTo(HsmError.PIN_BLOCK_INVALID);
    }

    @Test
    void wrongPinDoesNotVerify() {
        EncryptedPinBlock other = t.block(t.enrol("4322", PAN), PAN, "zpk.mir",
                PinBlockFormat.ISO_0);
        Verification verification = t.ok(new HsmCommand.VerifyPin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, PAN, other, reference));
        assertThat(verification.verified()).isFalse();
    }

    @Test
    void referencePinIsBoundToItsPan() {
        Pan otherPan = Pan.of("6037991234567898");
        EncryptedPinBlock block = t.block(t.enrol("4321", otherPan), otherPan, "zpk.mir",
                PinBlockFormat.ISO_0);
        assertThat(t.refused(new HsmCommand.VerifyPin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, otherPan, block, reference)))
                .isEqualTo(HsmError.INPUT_INVALID);
    }

    @Test
    void badPinLengthIsRefusedAtEnrolment() {
        assertThat(t.refused(new HsmCommand.EnrolPin("123".toCharArray(), PAN)))
                .isEqualTo(HsmError.PIN_LENGTH_INVALID);
        assertThat(t.refused(new HsmCommand.EnrolPin("1234567890123".toCharArray(), PAN)))
                .isEqualTo(HsmError.PIN_LENGTH_INVALID);
    }

    @Test
    void aMacKeyCannotTranslateAPin() {
        EncryptedPinBlock source = t.block(reference, PAN, "zpk.mir", PinBlockFormat.ISO_0);
        assertThat(t.refused(new HsmCommand.TranslatePin(KeyRef.current("zak.mir"),
                PinBlockFormat.ISO_0, KeyRef.current("zpk.shetab"), PinBlockFormat.ISO_0, PAN,
                source))).isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
        assertThat(t.refused(new HsmCommand.TranslatePin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, KeyRef.current("zak.mir"), PinBlockFormat.ISO_0, PAN,
                source))).isEqualTo(HsmError.KEY_TYPE_NOT_PERMITTED);
    }

    @Test
    void formatAndKeyAlgorithmMustAgree() {
        EncryptedPinBlock source = t.block(reference, PAN, "zpk.mir", PinBlockFormat.ISO_0);
        assertThat(t.refused(new HsmCommand.TranslatePin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, KeyRef.current("zpk.shetab"), PinBlockFormat.ISO_4, PAN,
                source))).isEqualTo(HsmError.KEY_ALGORITHM_NOT_PERMITTED);
    }

    @Test
    void blockEncryptedBeforeAKeyChangeStillTranslatesInTheGracePeriod() {
        EncryptedPinBlock inFlight = t.block(reference, PAN, "zpk.mir", PinBlockFormat.ISO_0);
        KeyInfo next = t.generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        assertThat(next.version()).isEqualTo(2);
        HsmCommand.TranslatePin translate = new HsmCommand.TranslatePin(
                KeyRef.current("zpk.mir"), PinBlockFormat.ISO_0, KeyRef.current("zpk.shetab"),
                PinBlockFormat.ISO_0, PAN, inFlight);
        assertThat(t.ok(translate).sourceKeyVersion()).isEqualTo(1);
        HsmCommand.TranslatePin named = new HsmCommand.TranslatePin(KeyRef.of("zpk.mir", 1),
                PinBlockFormat.ISO_0, KeyRef.current("zpk.shetab"), PinBlockFormat.ISO_0, PAN,
                inFlight);
        assertThat(t.ok(named).sourceKeyVersion()).isEqualTo(1);

        t.clock.advance(java.time.Duration.ofMinutes(6));
        assertThat(t.refused(named)).isEqualTo(HsmError.KEY_RETIRED);
        assertThat(t.refused(translate)).isEqualTo(HsmError.PIN_BLOCK_INVALID);
        EncryptedPinBlock fresh = t.block(reference, PAN, "zpk.mir", PinBlockFormat.ISO_0);
        assertThat(t.ok(new HsmCommand.TranslatePin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, KeyRef.current("zpk.shetab"), PinBlockFormat.ISO_0, PAN,
                fresh)).sourceKeyVersion()).isEqualTo(2);
    }
}
