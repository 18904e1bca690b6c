package io.caspian.core.flow;

import io.caspian.core.mapping.SchemeWire;
import io.caspian.core.standin.StandInRules;
import io.caspian.store.Channel;
import java.time.ZoneId;
import java.util.Set;

/**
 * One scheme as the switch sees it.
 *
 * @param wire dialect, conventions, codes, currency, institution id
 * @param zonePinKeyId the HSM key id of this scheme's zone PIN key
 * @param pinBlockFormat ISO 9564 format this scheme uses on its link (0, 1, 3 or 4)
 * @param responseTimeoutMs how long to wait for this scheme as issuer
 * @param standIn rules to stand in for this scheme as issuer
 * @param acceptedChannels channels this scheme's cards may be used on abroad
 * @param zone the scheme's time zone, for business dates
 */
public record SchemeSettings(SchemeWire wire, String zonePinKeyId, int pinBlockFormat,
        long responseTimeoutMs, StandInRules standIn, Set<Channel> acceptedChannels,
        ZoneId zone) {

    public String id() {
        return wire.scheme();
    }
}
