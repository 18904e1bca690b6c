package io.caspian.hsm;

import io.caspian.hsm.keys.KeyStore;
import io.caspian.hsm.keys.Lmk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HSM Caspian ships: keys sealed under an LMK in a file, every operation in process.
 *
 * <p>A software HSM protects keys only as well as the host protects the LMK and the process
 * memory. Production PIN handling belongs in a hardware HSM behind the same {@link Hsm}
 * interface (see docs/hsm.md).
 *
 * <p>Logs carry command names, key ids, versions, usages and check values; never a key, a
 * PIN, a PIN block or MACed data.
 */
public final class SoftwareHsm implements Hsm {
    /** Name of the LMK file {@link #initialize(Path)} writes next to the key store. */
    public static final String LMK_FILE_NAME = "lmk.hex";
    /** How long a superseded key version stays usable unless retired earlier. */
    public static final Duration DEFAULT_PREVIOUS_VERSION_GRACE = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(SoftwareHsm.class);

    private final KeyCommands keys;
    private final PinCommands pins;
    private final MacCommands macs;
    private final CeremonyCommands ceremonies;
    private final DataCommands data;
    private final KeyStore store;

    private SoftwareHsm(KeyStore store, Lmk lmk, Random random) {
        this.store = store;
        this.keys = new KeyCommands(store, random);
        this.pins = new PinCommands(store, lmk, random);
        this.macs = new MacCommands(store);
        this.ceremonies = new CeremonyCommands(store, keys, random);
        this.data = new DataCommands(store, random);
    }

    /**
     * Creates a fresh LMK ({@value #LMK_FILE_NAME}, owner-only) and an empty key store in
     * {@code directory}: what {@code caspian demo} and {@code caspian hsm lmk init} do.
     *
     * @throws IOException if either file already exists or cannot be written
     */
    public static SoftwareHsm initialize(Path directory) throws IOException {
        Files.createDirectories(directory);
        SecureRandom random = new SecureRandom();
        Lmk lmk = Lmk.generate(random).writeFile(directory.resolve(LMK_FILE_NAME));
        return create(directory, lmk, Clock.systemUTC(), DEFAULT_PREVIOUS_VERSION_GRACE, random);
    }

    /** Creates an empty key store under an existing LMK. */
    public static SoftwareHsm create(Path directory, Lmk lmk, Clock clock, Duration grace,
            Random random) throws IOException {
        KeyStore store = KeyStore.create(directory, lmk, clock, grace, random);
        LOG.info("created key store {} under LMK kcv={}", store.file(), lmk.checkValue());
        return new SoftwareHsm(store, lmk, random);
    }

    /** Opens the key store in {@code directory} with the system clock and a SecureRandom. */
    public static SoftwareHsm open(Path directory, Lmk lmk) throws IOException {
        return open(directory, lmk, Clock.systemUTC(), DEFAULT_PREVIOUS_VERSION_GRACE,
                new SecureRandom());
    }

    /**
     * Opens the key store in {@code directory}; time and randomness are injected. Outside
     * tests {@code random} must be a SecureRandom: it draws key values and GCM nonces, and a
     * nonce repeated under one data key breaks GCM.
     */
    public static SoftwareHsm open(Path directory, Lmk lmk, Clock clock, Duration grace,
            Random random) throws IOException {
        return new SoftwareHsm(KeyStore.open(directory, lmk, clock, grace, random), lmk, random);
    }

    @Override
    public <R> HsmResult<R> execute(HsmCommand<R> command) {
        return guarded(command, () -> dispatch(command));
    }

    /**
     * {@link HsmCommand.EncryptData} with a given nonce instead of a random one, for
     * known-answer tests (NIST GCM vectors) only: never reachable through {@link Hsm}.
     */
    HsmResult<EncryptedData> encrypt(HsmCommand.EncryptData command, byte[] nonce) {
        return guarded(command, () -> data.encrypt(command, nonce));
    }

    private <R> HsmResult<R> guarded(HsmCommand<R> command, Supplier<R> body) {
        try {
            return new HsmResult.Ok<>(body.get());
        } catch (Refusal refusal) {
            LOG.debug("refused {}: {} {}", command.getClass().getSimpleName(), refusal.error(),
                    refusal.getMessage());
            return refusal.toResult();
        } catch (UncheckedIOException e) {
            LOG.error("key store failure in {}: {}", command.getClass().getSimpleName(),
                    e.getMessage());
            return new HsmResult.Refused<>(HsmError.KEY_STORE_FAILURE, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked") // each branch returns the output type its record declares
    private <R> R dispatch(HsmCommand<R> command) {
        Object output;
        if (command instanceof HsmCommand.TranslatePin c) {
            output = pins.translate(c);
        } else if (command instanceof HsmCommand.GenerateMac c) {
            output = macs.generate(c);
        } else if (command instanceof HsmCommand.VerifyMac c) {
            output = macs.verify(c);
        } else if (command instanceof HsmCommand.VerifyPin c) {
            output = pins.verify(c);
        } else if (command instanceof HsmCommand.PinToLmk c) {
            output = pins.toLmk(c);
        } else if (command instanceof HsmCommand.PinFromLmk c) {
            output = pins.fromLmk(c);
        } else if (command instanceof HsmCommand.EnrolPin c) {
            output = pins.enrol(c);
        } else if (command instanceof HsmCommand.EncryptData c) {
            output = data.encrypt(c);
        } else if (command instanceof HsmCommand.DecryptData c) {
            output = data.decrypt(c);
        } else if (command instanceof HsmCommand.HashData c) {
            output = data.hash(c);
        } else {
            output = dispatchKeyCommand(command);
        }
        return (R) output;
    }

    private Object dispatchKeyCommand(HsmCommand<?> command) {
        if (command instanceof HsmCommand.GenerateKey c) {
            return keys.generate(c);
        } else if (command instanceof HsmCommand.ImportKeyBlock c) {
            return keys.importKeyBlock(c);
        } else if (command instanceof HsmCommand.ImportKeyEcb c) {
            return keys.importKeyEcb(c);
        } else if (command instanceof HsmCommand.ExportKeyBlock c) {
            return keys.exportKeyBlock(c);
        } else if (command instanceof HsmCommand.ExportKeyEcb c) {
            return keys.exportKeyEcb(c);
        } else if (command instanceof HsmCommand.DescribeKey c) {
            return keys.describe(c);
        } else if (command instanceof HsmCommand.RetireKey c) {
            return keys.retire(c);
        } else if (command instanceof HsmCommand.ListKeys) {
            return keys.list();
        } else if (command instanceof HsmCommand.EnsureKey c) {
            return keys.ensure(c);
        } else if (command instanceof HsmCommand.FormKey c) {
            return ceremonies.form(c);
        } else if (command instanceof HsmCommand.SplitKey c) {
            return ceremonies.split(c);
        }
        throw new IllegalStateException("unhandled command " + command.getClass().getName());
    }

    @Override
    public String toString() {
        return "SoftwareHsm[" + store + "]";
    }
}
