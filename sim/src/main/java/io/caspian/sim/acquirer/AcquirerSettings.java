package io.caspian.sim.acquirer;

import io.caspian.hsm.KeyRef;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.sim.wire.SchemeCurrency;
import java.util.Objects;

/**
 * What an acquirer needs besides its terminals.
 *
 * @param currency what its terminals charge in
 * @param zonePinKey the ZPK its PIN blocks are encrypted under towards Caspian
 * @param pinBlockFormat the format of those blocks
 * @param acquirerId DE 32 acquiring institution code (digits)
 * @param forwarderId DE 33 forwarding institution code (digits)
 * @param countryCode DE 19 ISO 3166 numeric country, e.g. 643 or 364
 * @param responseTimeoutMs how long it waits for a reply before giving up and reversing
 * @param reversalRepeatsMax x421 repeats of an unacknowledged reversal
 * @param cancelFraction share of approvals the customer cancels (reversed at once), 0..1
 */
public record AcquirerSettings(SchemeCurrency currency, KeyRef zonePinKey,
        PinBlockFormat pinBlockFormat, String acquirerId, String forwarderId, int countryCode,
        long responseTimeoutMs, int reversalRepeatsMax, double cancelFraction) {
    public AcquirerSettings {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zonePinKey, "zonePinKey");
        Objects.requireNonNull(pinBlockFormat, "pinBlockFormat");
        if (acquirerId == null || !acquirerId.matches("[0-9]{1,11}")
                || forwarderId == null || !forwarderId.matches("[0-9]{1,11}")) {
            throw new IllegalArgumentException("institution codes are 1..11 digits");
        }
        if (responseTimeoutMs < 1 || reversalRepeatsMax < 0) {
            throw new IllegalArgumentException("responseTimeoutMs > 0, reversalRepeatsMax >= 0");
        }
        if (cancelFraction < 0 || cancelFraction > 1) {
            throw new IllegalArgumentException("cancelFraction is 0..1");
        }
    }
}
