package io.caspian.app.hsm;

import io.caspian.app.CliException;
import io.caspian.hsm.HsmCommand.DescribeKey;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.KeyCheckValues;
import io.caspian.hsm.crypto.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code caspian hsm kcv}: the check value of a stored key, or of a clear key component
 * typed at a key ceremony (TDES: encrypt a zero block; AES: CMAC of a zero block).
 */
@Command(name = "kcv", mixinStandardHelpOptions = true,
        description = "Key check value of a stored key (--key) or of a clear key (--clear).")
final class KcvCommand implements Runnable {
    @Mixin
    StoreOptions options;
    @Option(names = "--key", description = "Stored key (ID or ID@vN).")
    String key;
    @Option(names = "--clear", description = "Clear key or component, hex (ceremony use).")
    String clear;
    @Option(names = "--algorithm", description = "Algorithm of --clear: ${COMPLETION-CANDIDATES}")
    KeyAlgorithm algorithm;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if ((key == null) == (clear == null)) {
            throw new CliException("give exactly one of --key and --clear");
        }
        if (key != null) {
            spec.commandLine().getOut().println(StoreOptions.run(options.open(),
                    new DescribeKey(StoreOptions.keyRef(key))).checkValue());
            return;
        }
        byte[] value = StoreOptions.hex("--clear", clear);
        try {
            KeyAlgorithm of = algorithm != null ? algorithm : defaultAlgorithm(value.length);
            if (of.keyLengthBytes() != value.length) {
                throw new CliException(of + " keys are " + of.keyLengthBytes() + " bytes, not "
                        + value.length);
            }
            spec.commandLine().getOut().println(Hex.encode(
                    KeyCheckValues.compute(of.blockAlgorithm(), value)));
        } finally {
            Secrets.zero(value);
        }
    }

    private static KeyAlgorithm defaultAlgorithm(int length) {
        return switch (length) {
            case 16 -> KeyAlgorithm.TDES_2KEY;
            case 24 -> KeyAlgorithm.TDES_3KEY;
            case 32 -> KeyAlgorithm.AES_256;
            default -> throw new CliException("a key is 16, 24 or 32 bytes, not " + length);
        };
    }
}
