package io.caspian.core.txn;

import io.caspian.core.money.Money;
import java.time.LocalDateTime;

/**
 * A dialect-neutral request, advice or response. Optional parts are null when the message
 * does not carry them. Sensitive parts (PAN, track 2, PIN block, EMV data) never appear in
 * {@link #toString()}.
 *
 * @param mti message type
 * @param pan primary account number
 * @param processingCode DE 3, six digits (ISO 8583:1987 layout in every dialect)
 * @param amount transaction amount (DE 4 with its currency)
 * @param billing cardholder billing amount (DE 6), or null
 * @param billingRate conversion rate to billing as ISO 8583 n8 (DE 10), or null
 * @param transmissionTime DE 7, MMDDhhmmss UTC
 * @param stan trace number (DE 11) as the sender numbered it
 * @param localTime local date and time of the transaction (DE 12/13)
 * @param expiry YYMM (DE 14), or null
 * @param posEntryMode DE 22, or null
 * @param acquirerInstitution DE 32
 * @param forwarderInstitution DE 33, or null
 * @param track2 DE 35, or null
 * @param rrn retrieval reference number (DE 37), or null
 * @param authCode DE 38, or null
 * @param reason response (DE 39) mapped through the scheme's code table; null in requests
 * @param responseCode the response code exactly as received, or null
 * @param acceptor terminal, merchant and location
 * @param pinBlock DE 52, or null
 * @param emvData DE 55 bytes, or null
 * @param original DE 90, or null
 * @param recipientPan for a card-to-card transfer, or null
 * @param holderName cardholder name (name inquiry response), or null
 */
public record CanonicalMessage(Mti mti, String pan, String processingCode, Money amount,
        Money billing, String billingRate, String transmissionTime, String stan,
        LocalDateTime localTime, String expiry, String posEntryMode, String acquirerInstitution,
        String forwarderInstitution, String track2, String rrn, String authCode, Reason reason,
        String responseCode, CardAcceptor acceptor, byte[] pinBlock, byte[] emvData,
        OriginalData original, String recipientPan, String holderName) {

    public TransactionType type() {
        return TransactionType.fromProcessingCode(processingCode);
    }

    /** Masked: first 6 and last 4 of the PAN, nothing of track, PIN block or EMV data. */
    @Override
    public String toString() {
        return "CanonicalMessage[" + mti + " pan=" + maskPan(pan) + " pc=" + processingCode
                + " amount=" + amount + " stan=" + stan + " rrn=" + rrn + " reason=" + reason
                + (pinBlock != null ? " pin=yes" : "") + "]";
    }

    public static String maskPan(String pan) {
        if (pan == null || pan.length() < 13) {
            return pan == null ? "null" : "*".repeat(pan.length());
        }
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }
}
