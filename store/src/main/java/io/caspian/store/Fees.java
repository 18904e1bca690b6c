package io.caspian.store;

/**
 * Fees of one transaction, filled in by clearing; null until then. A placeholder so that
 * clearing can write them without a migration.
 *
 * @param interchangeFeeMinor interchange fee in minor units of {@code currency}, or null
 * @param switchFeeMinor Caspian's own fee in minor units of {@code currency}, or null
 * @param currency ISO 4217 numeric code of both fees, or null when there are none
 */
public record Fees(Long interchangeFeeMinor, Long switchFeeMinor, Integer currency) {
    public static final Fees NONE = new Fees(null, null, null);

    public Fees {
        boolean noFee = interchangeFeeMinor == null && switchFeeMinor == null;
        Invariants.check(currency != null || noFee, "fees need a currency");
    }
}
