package io.caspian.clearing;

import io.caspian.store.Amount;
import io.caspian.store.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One clearing record: a transaction or dispute stage with both sides' amounts and its fees.
 * Amounts are never negative; {@link #sign()} says which way the money moves.
 *
 * @param kind what the record is
 * @param itemId the transaction's id (presentment, reversal) or the dispute's id
 * @param originalId the presentment's transaction id for every other kind, else null
 * @param transactionDate the business date the item belongs to (a late item's own date)
 * @param acquirer scheme of the terminal
 * @param issuer scheme of the card
 * @param type transaction type of the original
 * @param sign +1: the cardholder is debited (the issuer pays, the acquirer receives);
 *     -1: the cardholder is credited
 * @param acquirerAmount amount in the acquirer's currency
 * @param issuerAmount amount in the issuer's currency
 * @param rate issuer units per acquirer unit the switch converted at, or null
 * @param interchangeMinor interchange in {@code feeCurrency}: positive when the acquirer
 *     pays the issuer, negative when the issuer pays the acquirer
 * @param switchFeeMinor Caspian's fee in {@code feeCurrency}, paid by the acquirer's side
 *     (negative on a reversal that gives part of it back)
 * @param feeCurrency ISO 4217 numeric of both fees (the acquirer's currency)
 * @param reasonCode dispute reason code, reversal reason, or empty
 */
public record ClearingEntry(EntryKind kind, UUID itemId, UUID originalId,
        LocalDate transactionDate, String acquirer, String issuer, Channel channel,
        TransactionKind type, String processingCode, String merchantCategoryCode,
        String maskedPan, String stan, String rrn, String authCode, boolean stoodIn, int sign,
        Amount acquirerAmount, Amount issuerAmount, BigDecimal rate, long interchangeMinor,
        long switchFeeMinor, int feeCurrency, String reasonCode) {

    public ClearingEntry {
        Checks.check(sign == 1 || sign == -1, "sign must be +1 or -1");
        Checks.check((originalId == null) == (kind == EntryKind.PRESENTMENT),
                "every record but a presentment names its original");
        Checks.check(acquirerAmount.currency() == feeCurrency,
                "fees are in the acquirer's currency");
    }

    /** The amount on {@code scheme}'s side, for its own totals. */
    public Amount amountFor(String scheme) {
        return scheme.equals(acquirer) ? acquirerAmount : issuerAmount;
    }

    /** The record with its fees set. */
    public ClearingEntry withFees(long interchange, long switchFee) {
        return new ClearingEntry(kind, itemId, originalId, transactionDate, acquirer, issuer,
                channel, type, processingCode, merchantCategoryCode, maskedPan, stan, rrn,
                authCode, stoodIn, sign, acquirerAmount, issuerAmount, rate, interchange,
                switchFee, feeCurrency, reasonCode);
    }
}
