package io.caspian.clearing;

/**
 * A file's totals in one currency, from the receiving scheme's side: each record counts in
 * the currency of that scheme's side of it, its fees in the fee currency.
 *
 * @param currency ISO 4217 numeric
 * @param count records whose amount is in this currency
 * @param debitMinor sum of amounts that debit cardholders
 * @param creditMinor sum of amounts that credit cardholders
 * @param interchangeMinor sum of interchange in this currency (acquirer pays: positive)
 * @param switchFeeMinor sum of switch fees in this currency
 */
public record CurrencyTotals(int currency, int exponent, long count, long debitMinor,
        long creditMinor, long interchangeMinor, long switchFeeMinor) {

    /** Debits less credits. */
    public long netMinor() {
        return debitMinor - creditMinor;
    }

    CurrencyTotals plusAmount(long signedMinor, int amountExponent) {
        return new CurrencyTotals(currency, amountExponent, count + 1,
                debitMinor + Math.max(0, signedMinor), creditMinor + Math.max(0, -signedMinor),
                interchangeMinor, switchFeeMinor);
    }

    CurrencyTotals plusFees(long interchange, long switchFee) {
        return new CurrencyTotals(currency, exponent, count, debitMinor, creditMinor,
                interchangeMinor + interchange, switchFeeMinor + switchFee);
    }
}
