package io.caspian.sim.cards;

import io.caspian.hsm.PinUnderLmk;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A simulated card as both ends know it: the issuer opens an account from it, an acquirer's
 * terminals "read" it. The PINs are references sealed under the LMK and bound to the PAN: a
 * terminal turns one into a PIN block with the HSM, never into digits.
 *
 * @param pan the full PAN; {@link #toString()} masks it
 * @param holderName cardholder name, returned by a Shetab name inquiry
 * @param expiry last month the card is valid
 * @param status issuer status
 * @param pin the cardholder's PIN
 * @param wrongPin a different PIN for the same PAN, for "incorrect PIN" traffic
 * @param openingBalanceMinor the account's balance at start, minor units of the issuer's
 *     currency
 */
public record TestCard(String pan, String holderName, YearMonth expiry, CardStatus status,
        PinUnderLmk pin, PinUnderLmk wrongPin, long openingBalanceMinor) {

    public TestCard {
        if (pan == null || !Luhn.isValid(pan)) {
            throw new IllegalArgumentException("a test card needs a Luhn-valid PAN");
        }
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(wrongPin, "wrongPin");
    }

    /** The same card with another status (tests and demo scenarios). */
    public TestCard withStatus(CardStatus newStatus) {
        return new TestCard(pan, holderName, expiry, newStatus, pin, wrongPin,
                openingBalanceMinor);
    }

    /** The same card with another expiry. */
    public TestCard withExpiry(YearMonth newExpiry) {
        return new TestCard(pan, holderName, newExpiry, status, pin, wrongPin,
                openingBalanceMinor);
    }

    /** Expiry as the wire writes it: YYMM. */
    public String expiryYymm() {
        return String.format("%02d%02d", expiry.getYear() % 100, expiry.getMonthValue());
    }

    public String maskedPan() {
        return Pans.mask(pan);
    }

    @Override
    public String toString() {
        return "TestCard[" + maskedPan() + " " + status + " exp " + expiryYymm() + "]";
    }
}
