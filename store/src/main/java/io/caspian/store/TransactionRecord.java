package io.caspian.store;

import io.caspian.store.pan.ProtectedPan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One transaction as the store records it: the canonical fields, both sides' amounts and
 * identifiers, and its current state and outcome. Never holds a clear PAN, a PIN block or
 * a CVV (DESIGN.md I5). The direction is the pair (acquirer scheme, issuer scheme).
 *
 * @param id assigned by the switch before the first write; every write is keyed by it, so a
 *     replay after a crash finds the row instead of adding another
 * @param createdAt when the switch received the request
 * @param acquirerScheme scheme id the request came from, e.g. {@code mir}
 * @param issuerScheme scheme id the card belongs to, e.g. {@code shetab}
 * @param mti message type as received, e.g. {@code 0200}
 * @param processingCode ISO 8583 DE 3, six digits
 * @param acquirerAmount amount as the acquirer sent it (DE 4 and DE 49)
 * @param issuerAmount amount forwarded to the issuer, null until converted
 * @param billingAmount cardholder billing amount (DE 6 and DE 51), or null
 * @param conversionRate units of issuer currency per unit of acquirer currency, exact;
 *     null until converted
 * @param issuer our identifiers on the issuer link, null until sent
 * @param businessDate the business date whose clearing this transaction belongs to
 * @param responseCode response code given to the acquirer, null until answered
 * @param issuerResponseCode response code the issuer gave, null until answered
 * @param authCode approval code (DE 38), or null
 * @param stoodIn whether Caspian answered on the issuer's behalf
 * @param originalId for a reversal or advice, the transaction it refers to; else null
 * @param fees clearing's placeholders, {@link Fees#NONE} until cleared
 * @param advice the numbering of a stand-in advice sent under a STAN of its own (stand-in
 *     after a timeout), else null
 */
public record TransactionRecord(UUID id, Instant createdAt, String acquirerScheme,
        String issuerScheme, Channel channel, String mti, String processingCode, ProtectedPan pan,
        Amount acquirerAmount, Amount issuerAmount, Amount billingAmount,
        BigDecimal conversionRate, AcquirerReference acquirer, IssuerReference issuer,
        LocalDate businessDate, TransactionState state, String responseCode,
        String issuerResponseCode, String authCode, boolean stoodIn, UUID originalId,
        Fees fees, AdviceReference advice) {

    /** A record without an advice numbering of its own (every one but stand-in on timeout). */
    public TransactionRecord(UUID id, Instant createdAt, String acquirerScheme,
            String issuerScheme, Channel channel, String mti, String processingCode,
            ProtectedPan pan, Amount acquirerAmount, Amount issuerAmount, Amount billingAmount,
            BigDecimal conversionRate, AcquirerReference acquirer, IssuerReference issuer,
            LocalDate businessDate, TransactionState state, String responseCode,
            String issuerResponseCode, String authCode, boolean stoodIn, UUID originalId,
            Fees fees) {
        this(id, createdAt, acquirerScheme, issuerScheme, channel, mti, processingCode, pan,
                acquirerAmount, issuerAmount, billingAmount, conversionRate, acquirer, issuer,
                businessDate, state, responseCode, issuerResponseCode, authCode, stoodIn,
                originalId, fees, null);
    }

    public TransactionRecord {
        Invariants.present(id, "id");
        // Both databases keep microseconds; truncating here makes a record read back equal.
        createdAt = Invariants.present(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        Invariants.requiredText(acquirerScheme, "acquirer scheme", 16);
        Invariants.requiredText(issuerScheme, "issuer scheme", 16);
        Invariants.present(channel, "channel");
        Invariants.check(Invariants.digits(mti, 4), "mti must be four digits");
        Invariants.check(Invariants.digits(processingCode, 6),
                "processing code must be six digits");
        Invariants.present(pan, "pan");
        Invariants.present(acquirerAmount, "acquirer amount");
        conversionRate = Rates.normalized(conversionRate);
        Invariants.present(acquirer, "acquirer reference");
        Invariants.present(businessDate, "business date");
        Invariants.present(state, "state");
        Invariants.text(responseCode, "response code", 4);
        Invariants.text(issuerResponseCode, "issuer response code", 4);
        Invariants.text(authCode, "auth code", 6);
        Invariants.check(originalId == null || !originalId.equals(id),
                "a transaction cannot be its own original");
        fees = fees == null ? Fees.NONE : fees;
    }

    /** This record as it looks after a transition with {@code fields} applied. */
    public TransactionRecord after(TransactionState next, TransitionFields fields) {
        return new TransactionRecord(id, createdAt, acquirerScheme, issuerScheme, channel, mti,
                processingCode, pan, acquirerAmount, or(fields.issuerAmount(), issuerAmount),
                or(fields.billingAmount(), billingAmount),
                or(fields.conversionRate(), conversionRate), acquirer,
                or(fields.issuer(), issuer), businessDate, next,
                or(fields.responseCode(), responseCode),
                or(fields.issuerResponseCode(), issuerResponseCode),
                or(fields.authCode(), authCode), or(fields.stoodIn(), stoodIn), originalId, fees,
                or(fields.advice(), advice));
    }

    private static <T> T or(T changed, T current) {
        return changed != null ? changed : current;
    }
}
