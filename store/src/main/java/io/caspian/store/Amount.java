package io.caspian.store;

/**
 * An amount as carried on one side of a transaction: minor units of an ISO 4217 currency.
 * The exponent is stored with the amount rather than looked up, because the same currency
 * can be carried with different exponents (Shetab sends whole rials) and Iran's
 * redenomination changes a currency's exponent over time.
 *
 * @param minor amount in minor units, never negative
 * @param currency ISO 4217 numeric code, e.g. 643 for RUB, 364 for IRR
 * @param exponent number of decimal places of {@code minor}, 0 to 4
 */
public record Amount(long minor, int currency, int exponent) {
    public Amount {
        Invariants.check(minor >= 0, "amount must not be negative");
        Invariants.check(currency > 0 && currency < 1000, "currency must be ISO 4217 numeric");
        Invariants.check(exponent >= 0 && exponent <= 4, "exponent must be 0 to 4");
    }
}
