package io.caspian.core.flow;

import io.caspian.core.mapping.SchemeWire;
import io.caspian.core.screening.Screening;
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
 * @param mac the link's MAC key and algorithm, or null when the link carries no MAC
 * @param screening blocked cards, IINs, merchant categories, countries and velocity limits
 *     for this scheme's cards
 * @param netDebitCapMinor how far this scheme's position (prefunded amount plus what it is
 *     owed minus what its cardholders spent abroad) may go below zero, in its minor units;
 *     negative for no cap
 * @param prefundedMinor the scheme's prefunded settlement amount, in its minor units
 * @param zoneMasterKeyId the HSM key id of the ZMK shared with this scheme, under which a
 *     key change arrives
 */
public record SchemeSettings(SchemeWire wire, String zonePinKeyId, int pinBlockFormat,
        long responseTimeoutMs, StandInRules standIn, Set<Channel> acceptedChannels,
        ZoneId zone, MacSettings mac, Screening screening, long netDebitCapMinor,
        long prefundedMinor, String zoneMasterKeyId) {

    /** Without MAC, screening or a settlement cap: as tests and simple setups use it. */
    public SchemeSettings(SchemeWire wire, String zonePinKeyId, int pinBlockFormat,
            long responseTimeoutMs, StandInRules standIn, Set<Channel> acceptedChannels,
            ZoneId zone) {
        this(wire, zonePinKeyId, pinBlockFormat, responseTimeoutMs, standIn, acceptedChannels,
                zone, null, Screening.none(), -1, 0, "zmk." + wire.scheme());
    }

    public String id() {
        return wire.scheme();
    }
}
