package io.caspian.store;

/**
 * The acquirer's identifiers of a transaction, as received. Caspian never matches a
 * response by these (it numbers forwarded messages itself) but uses them for duplicate
 * detection and for answering the acquirer's enquiries.
 *
 * @param stan system trace audit number (ISO 8583 DE 11), up to 12 digits
 * @param rrn retrieval reference number (DE 37), or null when the scheme sends none
 * @param terminalId card acceptor terminal id (DE 41), or null
 * @param merchantId card acceptor id (DE 42), or null
 * @param merchantCategoryCode MCC (DE 18), or null
 * @param institutionId acquiring institution id (DE 32), or null
 * @param transmissionTime transmission date and time (DE 7) as sent, e.g. MMDDhhmmss
 */
public record AcquirerReference(String stan, String rrn, String terminalId, String merchantId,
        String merchantCategoryCode, String institutionId, String transmissionTime) {
    public AcquirerReference {
        Invariants.requiredText(stan, "acquirer stan", 12);
        Invariants.text(rrn, "acquirer rrn", 12);
        Invariants.text(terminalId, "terminal id", 16);
        Invariants.text(merchantId, "merchant id", 15);
        Invariants.check(merchantCategoryCode == null || merchantCategoryCode.length() == 4,
                "merchant category code must be 4 characters");
        Invariants.text(institutionId, "acquirer institution id", 11);
        Invariants.requiredText(transmissionTime, "transmission time", 14);
    }
}
