package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.hsm.keys.Lmk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/** A software HSM in a temporary directory with a hand-moved clock and seeded randomness. */
final class TestHsm {
    final Path directory;
    final Lmk lmk;
    final MutableClock clock = new MutableClock();
    final SoftwareHsm hsm;

    TestHsm(Path directory) {
        this.directory = directory;
        Random random = new Random(7);
        this.lmk = Lmk.generate(new java.security.SecureRandom()).toLmk();
        try {
            this.hsm = SoftwareHsm.create(directory, lmk, clock, Duration.ofMinutes(5), random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <R> R ok(HsmCommand<R> command) {
        HsmResult<R> result = hsm.execute(command);
        assertThat(result).isInstanceOf(HsmResult.Ok.class);
        return result.orElseThrow();
    }

    HsmError refused(HsmCommand<?> command) {
        HsmResult<?> result = hsm.execute(command);
        assertThat(result).isInstanceOf(HsmResult.Refused.class);
        return ((HsmResult.Refused<?>) result).error();
    }

    KeyInfo generate(String id, KeyUsage usage, KeyAlgorithm algorithm) {
        return ok(new HsmCommand.GenerateKey(id, usage, algorithm));
    }

    PinUnderLmk enrol(String pin, Pan pan) {
        return ok(new HsmCommand.EnrolPin(pin.toCharArray(), pan));
    }

    EncryptedPinBlock block(PinUnderLmk pin, Pan pan, String zpk, PinBlockFormat format) {
        return ok(new HsmCommand.PinFromLmk(pin, pan, KeyRef.current(zpk), format));
    }
}
