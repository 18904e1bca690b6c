package io.caspian.hsm;

import io.caspian.hsm.crypto.Secrets;
import io.caspian.hsm.keys.ClearKey;
import io.caspian.hsm.keys.KeyStore;
import io.caspian.hsm.keys.Lmk;
import io.caspian.hsm.keys.LmkCipher;
import io.caspian.hsm.pin.ClearPin;
import io.caspian.hsm.pin.PinBlocks;
import io.caspian.hsm.pin.TranslationRules;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * PIN commands. The clear PIN lives only in a {@link ClearPin} between decoding one block and
 * encoding the next, and is zeroed when the command ends.
 *
 * <p>A reference PIN ({@link PinUnderLmk}) is the PIN's digits sealed with AES-GCM under the
 * LMK, purpose {@value #PIN_PURPOSE}, with the PAN as associated data: it verifies only for
 * the card it was enrolled for.
 */
final class PinCommands {
    static final String PIN_PURPOSE = "caspian-reference-pin";

    private final KeyStore store;
    private final Lmk lmk;
    private final Random random;

    PinCommands(KeyStore store, Lmk lmk, Random random) {
        this.store = store;
        this.lmk = lmk;
        this.random = random;
    }

    TranslatedPin translate(HsmCommand.TranslatePin command) {
        TranslationRules.check(command.sourceFormat(), command.destinationFormat());
        try (Decoded decoded = decode(command.sourceKey(), command.sourceFormat(),
                command.pan(), command.pinBlock(), "PIN translation");
                ClearKey destination = store.resolve(command.destinationKey())) {
            requireZpk(destination.info(), "PIN translation");
            KeyPolicy.requireEncrypt(destination.info(), "PIN translation");
            byte[] block = PinBlocks.encipher(command.destinationFormat(),
                    destination.info().algorithm(), destination.value(), decoded.pin,
                    command.pan(), random);
            return new TranslatedPin(new EncryptedPinBlock(block), decoded.keyVersion,
                    destination.info().version());
        }
    }

    Verification verify(HsmCommand.VerifyPin command) {
        try (Decoded decoded = decode(command.zpk(), command.format(), command.pan(),
                command.pinBlock(), "PIN verification");
                ClearPin reference = open(command.reference(), command.pan())) {
            boolean verified = decoded.pin.matches(reference);
            return new Verification(verified, verified ? decoded.keyVersion : 0);
        }
    }

    PinUnderLmk toLmk(HsmCommand.PinToLmk command) {
        try (Decoded decoded = decode(command.zpk(), command.format(), command.pan(),
                command.pinBlock(), "PIN enrolment")) {
            return seal(decoded.pin, command.pan());
        }
    }

    EncryptedPinBlock fromLmk(HsmCommand.PinFromLmk command) {
        try (ClearPin pin = open(command.reference(), command.pan());
                ClearKey zpk = store.resolve(command.zpk())) {
            requireZpk(zpk.info(), "PIN block generation");
            KeyPolicy.requireEncrypt(zpk.info(), "PIN block generation");
            return new EncryptedPinBlock(PinBlocks.encipher(command.format(),
                    zpk.info().algorithm(), zpk.value(), pin, command.pan(), random));
        }
    }

    PinUnderLmk enrol(HsmCommand.EnrolPin command) {
        try (ClearPin pin = ClearPin.of(command.pin())) {
            return seal(pin, command.pan());
        } finally {
            Arrays.fill(command.pin(), '\0');
        }
    }

    /**
     * Decodes a PIN block under the named ZPK. When the current version is named and does not
     * decode the block, previous versions still in their grace period are tried: a block
     * encrypted just before a key change still translates.
     */
    private Decoded decode(KeyRef ref, PinBlockFormat format, Pan pan, EncryptedPinBlock block,
            String operation) {
        List<KeyInfo> candidates = store.candidates(ref);
        byte[] bytes = block.bytes();
        for (int i = 0; ; i++) {
            try (ClearKey key = store.resolve(candidates.get(i).ref())) {
                requireZpk(key.info(), operation);
                KeyPolicy.requireDecrypt(key.info(), operation);
                ClearPin pin = PinBlocks.decipher(format, key.info().algorithm(), key.value(),
                        bytes, pan);
                return new Decoded(pin, key.info().version());
            } catch (Refusal refusal) {
                if (refusal.error() != HsmError.PIN_BLOCK_INVALID || i + 1 >= candidates.size()) {
                    throw refusal;
                }
            }
        }
    }

    private PinUnderLmk seal(ClearPin pin, Pan pan) {
        byte[] digits = pin.digitsCopy();
        try {
            return new PinUnderLmk(LmkCipher.seal(lmk, PIN_PURPOSE, context(pan), digits,
                    random));
        } finally {
            Secrets.zero(digits);
        }
    }

    private ClearPin open(PinUnderLmk reference, Pan pan) {
        byte[] digits;
        try {
            digits = LmkCipher.open(lmk, PIN_PURPOSE, context(pan), reference.bytes());
        } catch (Refusal e) {
            throw new Refusal(HsmError.INPUT_INVALID,
                    "the reference PIN was not enrolled under this LMK for this PAN");
        }
        return ClearPin.fromDigitsCopy(digits);
    }

    private static byte[] context(Pan pan) {
        return pan.digits().getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireZpk(KeyInfo key, String operation) {
        KeyPolicy.requireType(key, KeyType.ZPK, operation);
    }

    /** A decoded PIN and the key version that decoded it. */
    private static final class Decoded implements AutoCloseable {
        final ClearPin pin;
        final int keyVersion;

        Decoded(ClearPin pin, int keyVersion) {
            this.pin = pin;
            this.keyVersion = keyVersion;
        }

        @Override
        public void close() {
            pin.close();
        }
    }
}
