package io.caspian.sim.issuer;

import io.caspian.hsm.KeyRef;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.sim.wire.SchemeCurrency;
import java.util.Objects;

/**
 * What an issuer host needs besides its cards.
 *
 * @param currency the accounts' currency
 * @param zonePinKey the ZPK incoming PIN blocks are encrypted under (e.g. {@code zpk.mir})
 * @param pinBlockFormat the format of incoming PIN blocks
 * @param cashLimitMinor largest cash withdrawal per transaction; 0 for no limit
 */
public record IssuerSettings(SchemeCurrency currency, KeyRef zonePinKey,
        PinBlockFormat pinBlockFormat, long cashLimitMinor) {
    public IssuerSettings {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zonePinKey, "zonePinKey");
        Objects.requireNonNull(pinBlockFormat, "pinBlockFormat");
        if (cashLimitMinor < 0) {
            throw new IllegalArgumentException("cashLimitMinor must be 0 (none) or positive");
        }
    }
}
