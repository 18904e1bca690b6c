package io.caspian.app.wiring;

import io.caspian.hsm.DecryptedData;
import io.caspian.hsm.EncryptedData;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyedHash;
import io.caspian.hsm.Pan;
import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.PanProtectionException;
import io.caspian.store.pan.PanProtector;
import io.caspian.store.pan.ProtectedPan;
import java.nio.charset.StandardCharsets;

/**
 * PAN protection through the HSM: AES-256-GCM under a data key and HMAC-SHA-256 look-up
 * hashes, the keys never leaving the HSM. The stored key id names the version that
 * encrypted each PAN, so a rotated data key still opens old rows.
 */
public final class HsmPans implements PanProtector {
    /** Binds every ciphertext to its purpose: a PAN blob cannot be replayed as other data. */
    private static final byte[] PURPOSE = "caspian.pan.v1".getBytes(StandardCharsets.US_ASCII);

    private final Hsm hsm;
    private final String dataKeyId;
    private final String hashKeyId;

    public HsmPans(Hsm hsm, String dataKeyId, String hashKeyId) {
        this.hsm = hsm;
        this.dataKeyId = dataKeyId;
        this.hashKeyId = hashKeyId;
    }

    @Override
    public ProtectedPan protect(Pan pan) {
        String digits = pan.digits();
        EncryptedData e = ok(hsm.execute(new HsmCommand.EncryptData(dataKeyId,
                digits.getBytes(StandardCharsets.US_ASCII), PURPOSE)), "encrypt");
        return new ProtectedPan(e.ciphertext(), e.key().toString(), lookupHash(pan),
                digits.substring(0, 6), digits.substring(digits.length() - 4));
    }

    @Override
    public Pan reveal(ProtectedPan p) {
        DecryptedData d = ok(hsm.execute(new HsmCommand.DecryptData(KeyRef.parse(p.keyId()),
                p.ciphertext(), PURPOSE)), "decrypt");
        return Pan.of(new String(d.data(), StandardCharsets.US_ASCII));
    }

    @Override
    public PanHash lookupHash(Pan pan) {
        KeyedHash h = ok(hsm.execute(new HsmCommand.HashData(KeyRef.current(hashKeyId),
                pan.digits().getBytes(StandardCharsets.US_ASCII))), "hash");
        return PanHash.of(h.hash());
    }

    private static <R> R ok(HsmResult<R> r, String what) {
        if (r instanceof HsmResult.Refused<R> refused) {
            throw new PanProtectionException("HSM refused to " + what + " a PAN: "
                    + refused.error(), null);
        }
        return r.orElseThrow();
    }
}
