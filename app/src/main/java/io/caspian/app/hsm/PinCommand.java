package io.caspian.app.hsm;

import io.caspian.app.CliException;
import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand.EnrolPin;
import io.caspian.hsm.HsmCommand.PinFromLmk;
import io.caspian.hsm.HsmCommand.TranslatePin;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.PinUnderLmk;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.TranslatedPin;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.pin.ClearPin;
import io.caspian.hsm.pin.PinBlocks;
import java.security.SecureRandom;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caspian hsm pin translate|block}. */
@Command(name = "pin", mixinStandardHelpOptions = true, description = "PIN blocks.",
        subcommands = {PinCommand.Translate.class, PinCommand.Block.class})
final class PinCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Pan pan(String digits) {
        try {
            return Pan.of(digits);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    @Command(name = "translate", mixinStandardHelpOptions = true,
            description = "Translate an encrypted PIN block to another ZPK and format.")
    static final class Translate implements Runnable {
        @Mixin
        StoreOptions options;
        @Option(names = "--from-key", required = true, description = "Source ZPK (ID or ID@vN).")
        String fromKey;
        @Option(names = "--from-format", required = true, description = "0, 1, 3 or 4.")
        String fromFormat;
        @Option(names = "--to-key", required = true, description = "Destination ZPK.")
        String toKey;
        @Option(names = "--to-format", required = true, description = "0, 1, 3 or 4.")
        String toFormat;
        @Option(names = "--pan", required = true, description = "PAN the block is bound to.")
        String pan;
        @Option(names = "--pin-block", required = true, description = "Encrypted block, hex.")
        String pinBlock;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            EncryptedPinBlock block;
            try {
                block = new EncryptedPinBlock(StoreOptions.hex("--pin-block", pinBlock));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            TranslatedPin translated = StoreOptions.run(options.open(), new TranslatePin(
                    StoreOptions.keyRef(fromKey), StoreOptions.format(fromFormat),
                    StoreOptions.keyRef(toKey), StoreOptions.format(toFormat), pan(pan), block));
            spec.commandLine().getOut().println(translated.pinBlock().toHex());
        }
    }

    @Command(name = "block", mixinStandardHelpOptions = true,
            description = "Build a clear PIN block (format 4: the clear PIN field) FOR TESTS"
                    + " ONLY; with --key, also the block encrypted under that ZPK.")
    static final class Block implements Runnable {
        @Mixin
        StoreOptions options;
        @Option(names = "--pin", required = true, description = "Test PIN, 4 to 12 digits.")
        String pin;
        @Option(names = "--pan", required = true, description = "PAN.")
        String pan;
        @Option(names = "--format", required = true, description = "0, 1, 3 or 4.")
        String format;
        @Option(names = "--key", description = "ZPK to encrypt the block under.")
        String key;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getErr().println("caspian: WARNING: this prints a clear PIN"
                    + " block; use test PINs only, never a cardholder's");
            PinBlockFormat pinFormat = StoreOptions.format(format);
            Pan cardPan = pan(pan);
            char[] digits = pin.toCharArray();
            try (ClearPin clear = ClearPin.of(digits)) {
                byte[] block = PinBlocks.clearBlock(pinFormat, clear, cardPan, new SecureRandom());
                spec.commandLine().getOut().println("clear " + Hex.encode(block));
            } catch (Refusal refusal) {
                throw new CliException(refusal.error() + ": " + refusal.getMessage());
            }
            if (key != null) {
                Hsm hsm = options.open();
                PinUnderLmk reference = StoreOptions.run(hsm, new EnrolPin(digits, cardPan));
                EncryptedPinBlock encrypted = StoreOptions.run(hsm, new PinFromLmk(reference,
                        cardPan, StoreOptions.keyRef(key), pinFormat));
                spec.commandLine().getOut().println("encrypted " + encrypted.toHex());
            }
            Arrays.fill(digits, '\0');
        }
    }

}
