package io.caspian.store.pan;

import io.caspian.hsm.DecryptedData;
import io.caspian.hsm.EncryptedData;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyedHash;
import io.caspian.hsm.Pan;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * PAN protection with the keys inside the {@link Hsm}: AES-256-GCM under a DATA (D0) key and
 * HMAC-SHA-256 under a HASH (M7) key (docs/hsm.md, "Data at rest"). The store holds only
 * what the HSM returns.
 *
 * <pre>
 * pan_ciphertext = nonce (12) || AES-256-GCM(dataKey@vN, digits) || tag (16)
 *                  with associated data "caspian.pan.v1"
 * pan_key_id     = "dataKeyId@vN": the version that encrypted it, read back by reveal
 * pan_hash       = HMAC-SHA-256(hashKey, digits)
 * </pre>
 *
 * <p>Encryption always uses the data key's current version; reveal uses the version stored
 * with the row, which the HSM keeps usable until an operator retires it, so the data key
 * rotates without re-encrypting old rows. The hash key is separate and does not rotate with
 * it: a hash names no version, and stored hashes must keep matching new ones. Name it
 * {@code id@vM} to pin the version the table was hashed with while a newer one exists.
 *
 * <p>The associated data binds a ciphertext to its purpose: data the HSM encrypted for
 * another use under the same key does not reveal as a PAN. A tag that fails, an unknown
 * or retired key, or any other refusal becomes a {@link PanProtectionException} with the
 * HSM's one-line reason and never the PAN.
 */
public final class HsmPanProtector implements PanProtector {
    /** GCM associated data of every PAN ciphertext; a new layout gets a new version. */
    static final String PURPOSE = "caspian.pan.v1";

    private static final byte[] PURPOSE_BYTES = PURPOSE.getBytes(StandardCharsets.US_ASCII);

    private final Hsm hsm;
    private final String dataKeyId;
    private final KeyRef hashKey;

    /**
     * @param dataKeyId id of the DATA key; PANs are encrypted under its current version
     * @param hashKeyId id of the HASH key, or {@code id@vM} to pin one version
     * @throws IllegalArgumentException if either is not a key reference
     */
    public HsmPanProtector(Hsm hsm, String dataKeyId, String hashKeyId) {
        this.hsm = Objects.requireNonNull(hsm, "hsm");
        this.dataKeyId = KeyRef.current(dataKeyId).id();
        this.hashKey = KeyRef.parse(Objects.requireNonNull(hashKeyId, "hashKeyId"));
    }

    @Override
    public ProtectedPan protect(Pan pan) {
        String digits = pan.digits();
        if (digits.length() < 12) {
            // Below 12 digits first six and last four would overlap and reveal the whole PAN.
            throw new IllegalArgumentException("PAN too short to store: " + pan);
        }
        byte[] clear = digits.getBytes(StandardCharsets.US_ASCII);
        try {
            EncryptedData sealed = run(new HsmCommand.EncryptData(dataKeyId, clear,
                    PURPOSE_BYTES), "cannot encrypt a PAN under data key " + dataKeyId);
            return new ProtectedPan(sealed.ciphertext(), sealed.key().toString(),
                    lookupHash(pan), digits.substring(0, 6),
                    digits.substring(digits.length() - 4));
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    @Override
    public Pan reveal(ProtectedPan protectedPan) {
        KeyRef key = storedKey(protectedPan);
        DecryptedData opened = run(new HsmCommand.DecryptData(key, protectedPan.ciphertext(),
                PURPOSE_BYTES), "cannot reveal " + protectedPan);
        byte[] clear = opened.data();
        try {
            String digits = new String(clear, StandardCharsets.US_ASCII);
            // The tag verified, so this is what was encrypted; checking it against the
            // display digits still catches a ciphertext copied onto another card's row.
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    || digits.length() < 12 || !digits.startsWith(protectedPan.first6())
                    || !digits.endsWith(protectedPan.last4())) {
                throw new PanProtectionException("cannot reveal " + protectedPan
                        + ": decrypted data is not the PAN of this row");
            }
            return Pan.of(digits);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    @Override
    public PanHash lookupHash(Pan pan) {
        byte[] clear = pan.digits().getBytes(StandardCharsets.US_ASCII);
        try {
            KeyedHash hash = run(new HsmCommand.HashData(hashKey, clear),
                    "cannot hash a PAN under look-up key " + hashKey);
            return PanHash.of(hash.hash());
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** The explicit version a row was encrypted under; never "current", which would guess. */
    private static KeyRef storedKey(ProtectedPan protectedPan) {
        KeyRef key;
        try {
            key = KeyRef.parse(protectedPan.keyId());
        } catch (IllegalArgumentException e) {
            throw new PanProtectionException("cannot reveal " + protectedPan
                    + ": key id is not ID@vN", e);
        }
        if (key.isCurrent()) {
            throw new PanProtectionException("cannot reveal " + protectedPan
                    + ": key id names no version");
        }
        return key;
    }

    private <R> R run(HsmCommand<R> command, String what) {
        HsmResult<R> result = hsm.execute(command);
        if (result instanceof HsmResult.Ok<R> ok) {
            return ok.value();
        }
        HsmResult.Refused<R> refused = (HsmResult.Refused<R>) result;
        throw new PanProtectionException(what + ": " + refused.error() + ": "
                + refused.detail().lines().findFirst().orElse(""));
    }
}
