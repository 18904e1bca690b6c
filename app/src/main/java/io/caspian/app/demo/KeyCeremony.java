package io.caspian.app.demo;

import io.caspian.hsm.ExportedKey;
import io.caspian.hsm.FormedKey;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyComponents;
import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyUsage;

/**
 * The key exchange a switch does with each scheme before the first message: the scheme
 * generates a zone master key and hands it over as three clear components to three
 * custodians; Caspian forms it from them; the scheme then sends its zone PIN key under the
 * ZMK as an X9.143 (TR-31) key block, which Caspian imports after checking its KCV; its
 * zone MAC key (ZAK) follows the same way, so both sides MAC every financial message.
 */
final class KeyCeremony {
    private KeyCeremony() {
    }

    /** One line describing what was exchanged, for the demo's opening lines. */
    static String exchange(Hsm scheme, Hsm caspian, String schemeId, KeyAlgorithm zpkAlgorithm) {
        String zmk = "zmk." + schemeId;
        String zpk = "zpk." + schemeId;
        scheme.execute(new HsmCommand.GenerateKey(zmk, KeyUsage.K1, KeyAlgorithm.AES_256))
                .orElseThrow();
        KeyComponents parts = scheme.execute(new HsmCommand.SplitKey(KeyRef.current(zmk), 3))
                .orElseThrow();
        FormedKey formed = caspian.execute(new HsmCommand.FormKey(zmk, KeyUsage.K1,
                KeyAlgorithm.AES_256, parts.components(), parts.key().checkValue()))
                .orElseThrow();
        KeyInfo pinKey = scheme.execute(new HsmCommand.GenerateKey(zpk, KeyUsage.P0,
                zpkAlgorithm)).orElseThrow();
        ExportedKey block = scheme.execute(new HsmCommand.ExportKeyBlock(KeyRef.current(zpk),
                KeyRef.current(zmk), 'D')).orElseThrow();
        KeyInfo imported = caspian.execute(new HsmCommand.ImportKeyBlock(zpk,
                KeyRef.current(zmk), block.form(), pinKey.checkValue())).orElseThrow();
        String zak = "zak." + schemeId;
        KeyInfo macKey = scheme.execute(new HsmCommand.GenerateKey(zak,
                zpkAlgorithm.isTdes() ? KeyUsage.M3 : KeyUsage.M6, zpkAlgorithm)).orElseThrow();
        ExportedKey macBlock = scheme.execute(new HsmCommand.ExportKeyBlock(
                KeyRef.current(zak), KeyRef.current(zmk), 'D')).orElseThrow();
        KeyInfo macImported = caspian.execute(new HsmCommand.ImportKeyBlock(zak,
                KeyRef.current(zmk), macBlock.form(), macKey.checkValue())).orElseThrow();
        return String.format("%-6s ZMK formed from 3 components (kcv %s); %s %s and %s"
                + " received as TR-31 D key blocks (kcv %s, %s)", schemeId,
                formed.key().checkValue(), zpk, zpkAlgorithm, zak, imported.checkValue(),
                macImported.checkValue());
    }
}
