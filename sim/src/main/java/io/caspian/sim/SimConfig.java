package io.caspian.sim;

import io.caspian.hsm.KeyRef;
import io.caspian.link.LinkConfig;
import io.caspian.sim.acquirer.AcquirerSettings;
import io.caspian.sim.acquirer.Terminal;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.fault.FaultSettings;
import io.caspian.sim.issuer.IssuerSettings;
import io.caspian.sim.wire.SchemeCurrency;
import io.caspian.sim.wire.WireModel;
import java.util.List;
import java.util.Objects;

/**
 * One scheme simulator.
 *
 * @param schemeId {@code mir} or {@code shetab}
 * @param link the scheme's side of its link to Caspian (usually LISTEN; its dialect is the
 *     scheme's dialect)
 * @param issuer currency, zone PIN key and format of the issuer host
 * @param acquirer currency, zone PIN key, institution codes, timeout and cancellations of
 *     the acquirer
 * @param cards the scheme's own cards (the issuer's accounts)
 * @param terminals the acquirer's terminals
 * @param faults the issuer's behaviour at start
 * @param mac the link's MAC (key and algorithm); null for none
 * @param seed seeds every random choice of the simulator
 */
public record SimConfig(String schemeId, LinkConfig link, IssuerSettings issuer,
        AcquirerSettings acquirer, List<TestCard> cards, List<Terminal> terminals,
        FaultSettings faults, SimMac mac, long seed) {

    public SimConfig {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(acquirer, "acquirer");
        Objects.requireNonNull(faults, "faults");
        cards = List.copyOf(cards);
        terminals = List.copyOf(terminals);
        WireModel.of(link.dialect());
    }

    /**
     * The usual settings for a scheme: its currency (mir RUB, shetab IRR), zone PIN key
     * {@code zpk.<scheme>} in the model's PIN block format, cash limit none, acquirer and
     * forwarder {@code institutionId}, a 5 s response timeout, 3 reversal repeats, no
     * cancellations, a healthy issuer.
     */
    public static SimConfig defaults(String schemeId, LinkConfig link, String institutionId,
            int countryCode, List<TestCard> cards, List<Terminal> terminals, long seed) {
        WireModel model = WireModel.of(link.dialect());
        SchemeCurrency currency = schemeId.equals("shetab") ? SchemeCurrency.IRR
                : SchemeCurrency.RUB;
        KeyRef zpk = KeyRef.current("zpk." + schemeId);
        IssuerSettings issuer = new IssuerSettings(currency, zpk, model.pinBlockFormat(), 0);
        AcquirerSettings acquirer = new AcquirerSettings(currency, zpk, model.pinBlockFormat(),
                institutionId, institutionId, countryCode, 5_000, 3, 0);
        return new SimConfig(schemeId, link, issuer, acquirer, cards, terminals,
                FaultSettings.none(), null, seed);
    }

    public WireModel model() {
        return WireModel.of(link.dialect());
    }

    public SimConfig withAcquirer(AcquirerSettings settings) {
        return new SimConfig(schemeId, link, issuer, settings, cards, terminals, faults,
                mac, seed);
    }

    /** With MACs generated on every message sent and verified on every one received. */
    public SimConfig withMac(SimMac settings) {
        return new SimConfig(schemeId, link, issuer, acquirer, cards, terminals, faults,
                settings, seed);
    }

    public SimConfig withFaults(FaultSettings settings) {
        return new SimConfig(schemeId, link, issuer, acquirer, cards, terminals, settings,
                mac, seed);
    }
}
