package io.caspian.sim.wire;

import io.caspian.hsm.GeneratedMac;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.hsm.Verification;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.FieldSpec;

/**
 * A scheme host's MACs on its messages: over every byte of the encoded message from the MTI
 * up to, not including, the MAC field, which is the last field (DE 64, or DE 128 when the
 * message has a secondary bitmap). Network management goes unsigned, as on Caspian's side.
 *
 * <pre>
 * | MTI | bitmap(s) | DE 2 ... DE n | MAC (DE 64 / DE 128) |
 * |<------------ covered ---------->|
 * </pre>
 */
public final class MessageMacs {
    private final Hsm hsm;
    private final KeyRef key;
    private final MacAlgorithm algorithm;

    public MessageMacs(Hsm hsm, String keyId, MacAlgorithm algorithm) {
        this.hsm = hsm;
        this.key = KeyRef.current(keyId);
        this.algorithm = algorithm;
    }

    /** Whether a message of this kind carries a MAC: everything but network management. */
    public static boolean covers(IsoMessage m) {
        return WireModel.kind(m) / 100 != 8;
    }

    /** Sets the MAC field; false when the HSM refused (the message must not go out). */
    public boolean sign(IsoMessage m) {
        int field = macField(m);
        FieldSpec spec = m.dialect().field(field);
        m.setBytes(field, new byte[spec.max()]);
        byte[] wire = encode(m);
        int covered = wire.length - spec.wireBytes(spec.max());
        HsmResult<GeneratedMac> r = hsm.execute(new HsmCommand.GenerateMac(key, algorithm,
                wire, 0, covered, spec.max()));
        if (!r.isOk()) {
            m.unset(field);
            return false;
        }
        m.setBytes(field, r.orElseThrow().mac());
        return true;
    }

    /** Whether the message carries a MAC that verifies under the zone key. */
    public boolean verify(IsoMessage m) {
        int field = macField(m);
        if (!m.has(field)) {
            return false;
        }
        FieldSpec spec = m.dialect().field(field);
        byte[] wire = encode(m);
        int covered = wire.length - spec.wireBytes(spec.max());
        HsmResult<Verification> r = hsm.execute(new HsmCommand.VerifyMac(key, algorithm, wire,
                0, covered, m.getBytes(field)));
        return r.isOk() && r.orElseThrow().verified();
    }

    /** DE 128 when any field above 64 is present (secondary bitmap), else DE 64. */
    static int macField(IsoMessage m) {
        Dialect d = m.dialect();
        for (int f : m.fieldNumbers()) {
            if (f > 64 && f != d.macSecondaryField()) {
                return d.macSecondaryField();
            }
        }
        return d.macField();
    }

    private static byte[] encode(IsoMessage m) {
        IsoCodec codec = new IsoCodec(m.dialect());
        byte[] out = new byte[codec.encodedLength(m)];
        codec.encodeTo(m, out, 0);
        return out;
    }
}
