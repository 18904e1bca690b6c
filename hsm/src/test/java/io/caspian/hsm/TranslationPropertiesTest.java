package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Translating A to B and back to A gives a block that holds the same PIN. */
class TranslationPropertiesTest {
    private static Path directory;
    private static TestHsm t;

    @BeforeContainer
    static void keys() throws IOException {
        directory = Files.createTempDirectory("caspian-hsm-props");
        t = new TestHsm(directory);
        t.generate("zpk.a", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        t.generate("zpk.b", KeyUsage.P0, KeyAlgorithm.TDES_3KEY);
        t.generate("zpk.a4", KeyUsage.P0, KeyAlgorithm.AES_128);
        t.generate("zpk.b4", KeyUsage.P0, KeyAlgorithm.AES_256);
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 100)
    void translateThereAndBackKeepsThePin(@ForAll PinBlockFormat a, @ForAll PinBlockFormat b,
            @ForAll("pins") String pin, @ForAll("pans") String panDigits) {
        if (a.usesPan() && !b.usesPan()) {
            return;
        }
        Pan pan = Pan.of(panDigits);
        PinUnderLmk reference = t.enrol(pin, pan);
        String keyA = a == PinBlockFormat.ISO_4 ? "zpk.a4" : "zpk.a";
        String keyB = b == PinBlockFormat.ISO_4 ? "zpk.b4" : "zpk.b";
        EncryptedPinBlock original = t.block(reference, pan, keyA, a);
        EncryptedPinBlock there = t.ok(new HsmCommand.TranslatePin(KeyRef.current(keyA), a,
                KeyRef.current(keyB), b, pan, original)).pinBlock();
        // Format 1 to a PAN-bound format cannot come back to 1: it comes back to b's format.
        PinBlockFormat back = b.usesPan() && !a.usesPan() ? b : a;
        String backKey = back == a ? keyA : keyB;
        EncryptedPinBlock returned = t.ok(new HsmCommand.TranslatePin(KeyRef.current(keyB), b,
                KeyRef.current(backKey), back, pan, there)).pinBlock();
        assertThat(t.ok(new HsmCommand.VerifyPin(KeyRef.current(backKey), back,
                pan, returned, reference)).verified()).isTrue();
        if (a == PinBlockFormat.ISO_0 && back == a) {
            assertThat(returned).isEqualTo(original);
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
