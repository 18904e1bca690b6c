package io.caspian.hsm;

import java.time.Instant;
import java.util.Objects;

/**
 * What may be known about a key outside the HSM: everything except its value.
 *
 * @param id key id
 * @param version version number, from 1
 * @param usage X9.143 key usage; the key type follows from it
 * @param algorithm algorithm and length
 * @param modeOfUse X9.143 mode of use, enforced on every use
 * @param exportability X9.143 exportability, enforced on export
 * @param checkValue key check value, six hex digits
 * @param status active or retired
 * @param createdAt when this version entered the store
 * @param usableUntil end of the grace period of a superseded version, or null while the
 *     version is current or has no grace limit
 */
public record KeyInfo(
        String id,
        int version,
        KeyUsage usage,
        KeyAlgorithm algorithm,
        ModeOfUse modeOfUse,
        Exportability exportability,
        String checkValue,
        KeyStatus status,
        Instant createdAt,
        Instant usableUntil) {

    public KeyInfo {
        new KeyRef(id, version);
        if (version < 1) {
            throw new IllegalArgumentException("a stored key version starts at 1");
        }
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(modeOfUse, "modeOfUse");
        Objects.requireNonNull(exportability, "exportability");
        Objects.requireNonNull(checkValue, "checkValue");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public KeyType type() {
        return usage.type();
    }

    public KeyRef ref() {
        return KeyRef.of(id, version);
    }

    /** Usable at {@code now}: active and, if superseded, still inside its grace period. */
    public boolean usableAt(Instant now) {
        return status == KeyStatus.ACTIVE && (usableUntil == null || now.isBefore(usableUntil));
    }

    public KeyInfo withStatus(KeyStatus newStatus) {
        return new KeyInfo(id, version, usage, algorithm, modeOfUse, exportability, checkValue,
                newStatus, createdAt, usableUntil);
    }

    public KeyInfo withUsableUntil(Instant until) {
        return new KeyInfo(id, version, usage, algorithm, modeOfUse, exportability, checkValue,
                status, createdAt, until);
    }
}
