package io.caspian.core.flow;

import io.caspian.hsm.GeneratedMac;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.Verification;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.FieldSpec;

/**
 * MACs over a message as the dialect declares: every byte from the MTI up to, not
 * including, the MAC field, which is the last field (DE 64, or DE 128 when a secondary
 * bitmap is present). The HSM computes and checks; core only says which bytes.
 */
final class Macs {
    private Macs() {
    }

    /** The MAC field this message uses. */
    static int macField(IsoMessage m) {
        Dialect d = m.dialect();
        for (int f : m.fieldNumbers()) {
            if (f > 64 && f != d.macSecondaryField()) {
                return d.macSecondaryField();
            }
        }
        return d.macField();
    }

    /** Sets the MAC field; false when the HSM refused (the message must not go out). */
    static boolean sign(Hsm hsm, MacSettings mac, IsoMessage m) {
        int field = macField(m);
        FieldSpec spec = m.dialect().field(field);
        m.setBytes(field, new byte[spec.max()]);
        byte[] wire = encode(m);
        int covered = wire.length - spec.wireBytes(spec.max());
        HsmResult<GeneratedMac> r = hsm.execute(new HsmCommand.GenerateMac(
                KeyRef.current(mac.keyId()), mac.algorithm(), wire, 0, covered, spec.max()));
        if (!r.isOk()) {
            m.unset(field);
            return false;
        }
        m.setBytes(field, r.orElseThrow().mac());
        return true;
    }

    /** Whether the message carries a MAC that verifies. */
    static boolean verify(Hsm hsm, MacSettings mac, IsoMessage m) {
        int field = macField(m);
        if (!m.has(field)) {
            return false;
        }
        FieldSpec spec = m.dialect().field(field);
        byte[] wire = encode(m);
        int covered = wire.length - spec.wireBytes(spec.max());
        HsmResult<Verification> r = hsm.execute(new HsmCommand.VerifyMac(
                KeyRef.current(mac.keyId()), mac.algorithm(), wire, 0, covered,
                m.getBytes(field)));
        return r.isOk() && r.orElseThrow().verified();
    }

    private static byte[] encode(IsoMessage m) {
        IsoCodec codec = new IsoCodec(m.dialect());
        byte[] out = new byte[codec.encodedLength(m)];
        codec.encodeTo(m, out, 0);
        return out;
    }
}
