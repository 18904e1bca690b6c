package io.caspian.store;

import java.math.BigDecimal;

/**
 * The fields a state transition sets alongside the state; a null field is left as it is.
 * A field once set is never cleared by a transition: a response code given to an acquirer
 * stays on the record.
 */
public record TransitionFields(Amount issuerAmount, Amount billingAmount,
        BigDecimal conversionRate, IssuerReference issuer, String responseCode,
        String issuerResponseCode, String authCode, Boolean stoodIn, AdviceReference advice) {

    /** A transition that changes only the state. */
    public static final TransitionFields NONE =
            new TransitionFields(null, null, null, null, null, null, null, null);

    /** The fields without an advice's numbering: what every transition but one sets. */
    public TransitionFields(Amount issuerAmount, Amount billingAmount,
            BigDecimal conversionRate, IssuerReference issuer, String responseCode,
            String issuerResponseCode, String authCode, Boolean stoodIn) {
        this(issuerAmount, billingAmount, conversionRate, issuer, responseCode,
                issuerResponseCode, authCode, stoodIn, null);
    }

    public TransitionFields {
        conversionRate = Rates.normalized(conversionRate);
        Invariants.text(responseCode, "response code", 4);
        Invariants.text(issuerResponseCode, "issuer response code", 4);
        Invariants.text(authCode, "auth code", 6);
    }

    /** Routing: what was converted for the issuer, at which rate. */
    public static TransitionFields routed(Amount issuerAmount, Amount billingAmount,
            BigDecimal conversionRate) {
        return new TransitionFields(issuerAmount, billingAmount, conversionRate, null, null,
                null, null, null);
    }

    /** Sending: our numbering on the issuer link. */
    public static TransitionFields sent(IssuerReference issuer) {
        return new TransitionFields(null, null, null, issuer, null, null, null, null);
    }

    /** An answer: the issuer's code (null if none came), ours to the acquirer, approval code. */
    public static TransitionFields answered(String issuerResponseCode, String responseCode,
            String authCode) {
        return new TransitionFields(null, null, null, null, responseCode, issuerResponseCode,
                authCode, null);
    }

    /** Stand-in: Caspian answered for the issuer. */
    public static TransitionFields stoodIn(String responseCode, String authCode) {
        return new TransitionFields(null, null, null, null, responseCode, null, authCode,
                Boolean.TRUE);
    }
}
