package io.caspian.clearing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reason codes of dispute stages. Caspian's own model (the schemes' real dispute rules are
 * not public), numbered in the style the international schemes use.
 */
public enum DisputeReason {
    AUTHORIZATION_RELATED("4808", true),
    DUPLICATE_PROCESSING("4834", true),
    NO_CARDHOLDER_AUTHORIZATION("4837", true),
    CARDHOLDER_DISPUTE("4853", true),
    CASH_NOT_DISPENSED("4859", true),
    CHARGEBACK_REMEDIED("2700", false),
    INVALID_CHARGEBACK("2713", false);

    private final String code;
    private final boolean forChargeback;

    DisputeReason(String code, boolean forChargeback) {
        this.code = code;
        this.forChargeback = forChargeback;
    }

    public String code() {
        return code;
    }

    /** True for chargeback and second chargeback reasons, false for representment ones. */
    public boolean forChargeback() {
        return forChargeback;
    }

    /** The reason with this code, allowed for {@code stage}. */
    static DisputeReason of(String code, EntryKind stage) {
        boolean chargeback = stage != EntryKind.REPRESENTMENT;
        for (DisputeReason r : values()) {
            if (r.code.equals(code) && r.forChargeback == chargeback) {
                return r;
            }
        }
        throw new ClearingException("reason code '" + code + "' is not one for a "
                + stage.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ("
                + Arrays.stream(values()).filter(r -> r.forChargeback == chargeback)
                        .map(r -> r.code + " " + r.name()).collect(Collectors.joining(", "))
                + ")");
    }
}
