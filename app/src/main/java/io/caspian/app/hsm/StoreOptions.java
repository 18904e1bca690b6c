package io.caspian.app.hsm;

import io.caspian.app.CliException;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.hsm.keys.Lmk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the key store and the LMK are: {@code --store DIR} (default ./data/hsm) and
 * {@code --lmk FILE}, else the environment variable CASPIAN_LMK (hex), else the
 * {@code lmk.hex} that {@code caspian hsm lmk init} wrote into the store directory.
 */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "data/hsm",
            description = "Key store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--lmk", paramLabel = "FILE",
            description = "LMK file (64 hex digits, owner-only); else $CASPIAN_LMK.")
    Path lmkFile;

    Lmk lmk() {
        try {
            if (lmkFile != null) {
                return Lmk.readFile(lmkFile);
            }
            String fromEnvironment = System.getenv(Lmk.ENVIRONMENT_VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return Lmk.fromHex(fromEnvironment);
            }
            Path beside = store.resolve(SoftwareHsm.LMK_FILE_NAME);
            if (Files.exists(beside)) {
                return Lmk.readFile(beside);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        throw new CliException("no LMK: give --lmk FILE or set " + Lmk.ENVIRONMENT_VARIABLE);
    }

    Hsm open() {
        try {
            return SoftwareHsm.open(store, lmk());
        } catch (IOException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** Runs a command; a refusal becomes a one-line error. */
    static <R> R run(Hsm hsm, HsmCommand<R> command) {
        HsmResult<R> result = hsm.execute(command);
        if (result instanceof HsmResult.Refused<R> refused) {
            throw new CliException(refused.error() + ": " + refused.detail());
        }
        return result.orElseThrow();
    }

    /** "ID" (current version) or "ID@vN" / "ID@N". */
    static KeyRef keyRef(String text) {
        try {
            return KeyRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("bad key reference '" + text + "': use ID or ID@vN");
        }
    }

    static PinBlockFormat format(String number) {
        if (number.equals("2")) {
            throw new CliException("PIN block format 2 is never accepted (ICC offline PIN only)");
        }
        PinBlockFormat format = number.length() == 1
                ? PinBlockFormat.ofNumber(number.charAt(0) - '0') : null;
        if (format == null) {
            throw new CliException("PIN block format must be 0, 1, 3 or 4, not " + number);
        }
        return format;
    }

    static byte[] hex(String what, String text) {
        try {
            return io.caspian.hsm.crypto.Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(what + " is not hex: " + e.getMessage());
        }
    }
}
