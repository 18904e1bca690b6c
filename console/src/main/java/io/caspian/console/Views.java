package io.caspian.console;

import io.caspian.store.Amount;
import io.caspian.store.SafItem;
import io.caspian.store.StateChange;
import io.caspian.store.TransactionRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * What the API returns, as JSON-ready records: times as ISO-8601 strings, amounts in minor
 * units with their ISO 4217 currency and exponent, cards as first six and last four only.
 */
final class Views {
    private static final Map<Integer, String> ALPHA = new HashMap<>();

    static {
        for (Currency c : Currency.getAvailableCurrencies()) {
            ALPHA.putIfAbsent(c.getNumericCode(), c.getCurrencyCode());
        }
    }

    private Views() {
    }

    /** An amount: minor units, numeric and alphabetic currency, exponent, and for reading. */
    record Money(long minor, int currency, String alpha, int exponent, String display) {
        static Money of(Amount a) {
            return a == null ? null : of(a.minor(), a.currency(), a.exponent());
        }

        static Money of(long minor, int currency, int exponent) {
            String alpha = ALPHA.getOrDefault(currency, String.valueOf(currency));
            String number = BigDecimal.valueOf(minor, exponent).toPlainString();
            return new Money(minor, currency, alpha, exponent, number + " " + alpha);
        }
    }

    /** One transaction row. */
    record Transaction(String id, String createdAt, String direction, String acquirer,
            String issuer, String channel, String mti, String processingCode, String card,
            Money acquirerAmount, Money issuerAmount, Money billingAmount,
            String conversionRate, String acquirerStan, String acquirerRrn, String terminalId,
            String merchantId, String merchantCategoryCode, String issuerStan,
            String issuerRrn, String businessDate, String state, String responseCode,
            String issuerResponseCode, String authCode, boolean stoodIn, String originalId) {
        static Transaction of(TransactionRecord t) {
            return new Transaction(t.id().toString(), time(t.createdAt()),
                    t.acquirerScheme() + ">" + t.issuerScheme(), t.acquirerScheme(),
                    t.issuerScheme(), t.channel().name(), t.mti(), t.processingCode(),
                    t.pan().first6() + "******" + t.pan().last4(),
                    Money.of(t.acquirerAmount()), Money.of(t.issuerAmount()),
                    Money.of(t.billingAmount()),
                    t.conversionRate() == null ? null : t.conversionRate().toPlainString(),
                    t.acquirer().stan(), t.acquirer().rrn(), t.acquirer().terminalId(),
                    t.acquirer().merchantId(), t.acquirer().merchantCategoryCode(),
                    t.issuer() == null ? null : t.issuer().stan(),
                    t.issuer() == null ? null : t.issuer().rrn(),
                    t.businessDate().toString(), t.state().name(), t.responseCode(),
                    t.issuerResponseCode(), t.authCode(), t.stoodIn(),
                    t.originalId() == null ? null : t.originalId().toString());
        }
    }

    /** One state change in a transaction's history. */
    record Change(int seq, String from, String to, String cause, String at) {
        static Change of(StateChange c) {
            return new Change(c.seq(), c.from() == null ? null : c.from().name(),
                    c.to().name(), c.cause(), time(c.at()));
        }
    }

    /** One owed reversal or advice. */
    record Owed(String transactionId, String kind, String targetScheme, String status,
            String mti, String reasonCode, long amountMinor, String currency, int attempts,
            String createdAt, String nextAttemptAt, String lastAttemptAt, String lastError) {
        static Owed of(SafItem s) {
            return new Owed(s.transactionId().toString(), s.kind().name(), s.targetScheme(),
                    s.status().name(), s.messageMti(), s.reasonCode(), s.amountMinor(),
                    ALPHA.getOrDefault(s.currency(), String.valueOf(s.currency())),
                    s.attempts(), time(s.createdAt()), time(s.nextAttemptAt()),
                    time(s.lastAttemptAt()), s.lastError());
        }
    }

    static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
