package io.caspian.core.screening;

import java.util.Set;

/**
 * An issuing scheme's screening lists and velocity limits for its cards used abroad.
 *
 * @param blockedIinPrefixes card number prefixes refused outright
 * @param blockedCardHashes look-up hashes (hex) of refused cards; never PANs
 * @param blockedMccs merchant category codes refused
 * @param blockedCountries card acceptor countries (DE 43, ISO 3166 alpha-2) refused
 * @param dailyCountMax approvals per card per business date; 0 for no limit
 * @param dailyAmountMaxMinor approved amount per card per business date in the issuer's
 *     minor units; 0 for no limit
 */
public record Screening(Set<String> blockedIinPrefixes, Set<String> blockedCardHashes,
        Set<String> blockedMccs, Set<String> blockedCountries, int dailyCountMax,
        long dailyAmountMaxMinor) {

    public Screening {
        blockedIinPrefixes = Set.copyOf(blockedIinPrefixes);
        blockedCardHashes = Set.copyOf(blockedCardHashes);
        blockedMccs = Set.copyOf(blockedMccs);
        blockedCountries = Set.copyOf(blockedCountries);
    }

    public static Screening none() {
        return new Screening(Set.of(), Set.of(), Set.of(), Set.of(), 0, 0);
    }

    /** Why the card or acceptor is refused, as a cause for the record; null when it is not. */
    public String blockedBy(String pan, String cardHashHex, String mcc, String country) {
        for (String prefix : blockedIinPrefixes) {
            if (pan.startsWith(prefix)) {
                return "BLOCKED_IIN";
            }
        }
        if (blockedCardHashes.contains(cardHashHex)) {
            return "BLOCKED_CARD";
        }
        if (mcc != null && blockedMccs.contains(mcc)) {
            return "BLOCKED_MERCHANT_CATEGORY";
        }
        if (country != null && blockedCountries.contains(country)) {
            return "BLOCKED_COUNTRY";
        }
        return null;
    }
}
