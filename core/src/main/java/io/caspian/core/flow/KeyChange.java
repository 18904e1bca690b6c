package io.caspian.core.flow;

import io.caspian.core.txn.Reason;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.KeyRef;
import io.caspian.iso8583.IsoMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key change on a live link (network management code 161): the scheme sends its new zone
 * PIN or MAC key under the zone master key as an X9.143 key block with its check value,
 * {@code <key block>;<kcv>} in ASCII in the key management field (mir DE 120, shetab DE 96).
 * The HSM imports it as the key's next version, which is current at once; the previous
 * version stays valid for messages already in flight (the HSM's grace period), so no
 * traffic is dropped.
 */
final class KeyChange {
    static final String CODE = "161";
    private static final Logger LOG = LoggerFactory.getLogger(KeyChange.class);

    private final SwitchEngine engine;

    KeyChange(SwitchEngine engine) {
        this.engine = engine;
    }

    void onKeyChange(String scheme, IsoMessage request) {
        SchemeSettings s = engine.settings.scheme(scheme);
        int field = request.has(120) ? 120 : 96;
        Reason reason = apply(s, request.has(field)
                ? new String(request.getBytes(field), StandardCharsets.US_ASCII) : "");
        IsoMessage reply = engine.writers.get(scheme).networkReply(request, reason);
        engine.send(scheme, reply);
    }

    private Reason apply(SchemeSettings s, String payload) {
        int semicolon = payload.lastIndexOf(';');
        if (semicolon < 16) {
            engine.stats.count("key_changes_refused");
            LOG.warn("{}: key change without '<key block>;<kcv>'", s.id());
            return Reason.FORMAT_ERROR;
        }
        String block = payload.substring(0, semicolon);
        String kcv = payload.substring(semicolon + 1);
        String usage = block.substring(5, 7);
        String target = usage.equals("P0") ? s.zonePinKeyId()
                : usage.startsWith("M") && s.mac() != null ? s.mac().keyId() : null;
        if (target == null) {
            engine.stats.count("key_changes_refused");
            LOG.warn("{}: key change of usage {} has no key to replace here", s.id(), usage);
            return Reason.INVALID_TRANSACTION;
        }
        HsmResult<KeyInfo> r = engine.hsm.execute(new HsmCommand.ImportKeyBlock(target,
                KeyRef.current(s.zoneMasterKeyId()), block, kcv));
        if (r instanceof HsmResult.Refused<KeyInfo> refused) {
            engine.stats.count("key_changes_refused");
            LOG.warn("{}: key change of {} refused by the HSM: {}", s.id(), target, refused);
            return Reason.SYSTEM_MALFUNCTION;
        }
        KeyInfo k = r.orElseThrow();
        engine.stats.count("key_changes");
        LOG.info("{}: key change: {} is now version {} (kcv {})", s.id(), k.id(), k.version(),
                k.checkValue());
        return Reason.NETWORK_ACCEPTED;
    }
}
