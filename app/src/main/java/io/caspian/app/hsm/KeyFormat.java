package io.caspian.app.hsm;

import io.caspian.hsm.KeyInfo;

/** One line per key version, the same in every command that prints keys. */
final class KeyFormat {
    private KeyFormat() {
    }

    static String line(KeyInfo key) {
        return String.format("%-20s v%-3d %-4s %-3s %-9s mode=%s export=%s kcv=%s %s created=%s%s",
                key.id(), key.version(), key.type(), key.usage(), key.algorithm(),
                key.modeOfUse(), key.exportability(), key.checkValue(), key.status(),
                key.createdAt(), key.usableUntil() == null ? "" : " until=" + key.usableUntil());
    }
}
