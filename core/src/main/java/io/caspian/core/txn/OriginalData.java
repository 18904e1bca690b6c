package io.caspian.core.txn;

/**
 * ISO 8583 DE 90: what a reversal or advice refers to — the original MTI, trace number,
 * transmission date-time and institutions, as the sender of the original numbered it.
 */
public record OriginalData(String mti, String stan, String transmissionTime,
        String acquirerInstitution, String forwarderInstitution) {
}
