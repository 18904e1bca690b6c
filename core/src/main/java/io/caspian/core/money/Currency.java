package io.caspian.core.money;

import io.caspian.core.txn.Digits;

/**
 * An ISO 4217 currency as a scheme carries it: alphabetic and numeric codes and the exponent
 * (decimal places of its minor unit). Shetab carries rials with exponent 0.
 */
public record Currency(String alpha, int numeric, int exponent) {
    public Currency {
        if (alpha == null || alpha.length() != 3 || !alpha.chars().allMatch(
                c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("currency code must be three letters: " + alpha);
        }
        if (numeric < 1 || numeric > 999) {
            throw new IllegalArgumentException("numeric code must be 1..999: " + numeric);
        }
        if (exponent < 0 || exponent > 4) {
            throw new IllegalArgumentException("exponent must be 0..4: " + exponent);
        }
    }

    /** Three digits, e.g. {@code 643}. */
    public String numericText() {
        return Digits.pad(numeric, 3);
    }

    @Override
    public String toString() {
        return alpha;
    }
}
