package io.caspian.sim.wire;

import io.caspian.hsm.PinBlockFormat;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code mir} model: ISO 8583:1987, amounts in minor units with DE 49 currency, 6-digit
 * STAN, DE 7 plus local DE 12/13 (Moscow), 2-character response codes.
 */
public final class MirWire implements WireModel {
    private static final ZoneId LOCAL = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DE7 = DateTimeFormatter.ofPattern("MMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DE12 = DateTimeFormatter.ofPattern("HHmmss")
            .withZone(LOCAL);
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd")
            .withZone(LOCAL);
    private static final Map<Outcome, String> CODES = new EnumMap<>(Outcome.class);

    static {
        CODES.put(Outcome.APPROVED, "00");
        CODES.put(Outcome.DO_NOT_HONOUR, "05");
        CODES.put(Outcome.INVALID_TRANSACTION, "12");
        CODES.put(Outcome.INVALID_AMOUNT, "13");
        CODES.put(Outcome.INVALID_CARD_NUMBER, "14");
        CODES.put(Outcome.FORMAT_ERROR, "30");
        CODES.put(Outcome.INSUFFICIENT_FUNDS, "51");
        CODES.put(Outcome.EXPIRED_CARD, "54");
        CODES.put(Outcome.INCORRECT_PIN, "55");
        CODES.put(Outcome.TRANSACTION_NOT_PERMITTED, "57");
        CODES.put(Outcome.EXCEEDS_WITHDRAWAL_LIMIT, "61");
        CODES.put(Outcome.ISSUER_TIMED_OUT, "68");
        CODES.put(Outcome.ISSUER_INOPERATIVE, "91");
        CODES.put(Outcome.DUPLICATE_TRANSMISSION, "94");
        CODES.put(Outcome.SYSTEM_MALFUNCTION, "96");
        CODES.put(Outcome.REVERSAL_ACCEPTED, "00");
    }

    private final Dialect dialect;

    MirWire(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String code(Outcome outcome) {
        return CODES.get(outcome);
    }

    @Override
    public Outcome outcome(String code) {
        // "00" means approved in a financial response; the reversal reader knows its context.
        for (Map.Entry<Outcome, String> e : CODES.entrySet()) {
            if (e.getValue().equals(code)) {
                return e.getKey();
            }
        }
        return null;
    }

    @Override
    public long stanModulus() {
        return 1_000_000L;
    }

    @Override
    public PinBlockFormat pinBlockFormat() {
        // DE 52 is b 8: format 0 under a TDES zone PIN key.
        return Fields.pinBlockFormat(dialect);
    }

    @Override
    public void setAmount(IsoMessage m, Money amount) {
        m.set(4, amount.minor()).set(49, amount.currency());
    }

    @Override
    public Money amount(IsoMessage m) {
        return money(m, 4, 49);
    }

    @Override
    public Money billingAmount(IsoMessage m) {
        return money(m, 6, 51);
    }

    private static Money money(IsoMessage m, int amountField, int currencyField) {
        if (!m.has(amountField) || !m.has(currencyField)) {
            return null;
        }
        int currency = (int) m.getLong(currencyField);
        return new Money(m.getLong(amountField), currency, Currencies.exponent(currency));
    }

    @Override
    public void setTimes(IsoMessage m, Instant now) {
        m.set(7, DE7.format(now)).set(12, DE12.format(now)).set(13, MMDD.format(now));
    }

    @Override
    public void setSettlementDate(IsoMessage m, Instant now) {
        m.set(15, MMDD.format(now));
    }

    @Override
    public OriginalKey keyOf(IsoMessage original) {
        return new OriginalKey(original.getLong(11), Fields.zeroPadded(original, 7, 10));
    }

    /*
     * DE 90, n42: MTI (4) | STAN (6) | DE 7 (10) | acquirer (11) | forwarder (11).
     */
    @Override
    public OriginalKey originalKeyOf(IsoMessage reversal) {
        String v = reversal.getString(90);
        if (v == null || v.length() != 42) {
            return null;
        }
        return new OriginalKey(Long.parseLong(v.substring(4, 10)), v.substring(10, 20));
    }

    @Override
    public String originalDataElements(IsoMessage original) {
        return original.mti() + Fields.zeroPadded(original, 11, 6)
                + Fields.zeroPadded(original, 7, 10) + Fields.zeroPadded(original, 32, 11)
                + Fields.zeroPadded(original, 33, 11);
    }

    @Override
    public void setRequestCodes(IsoMessage m, int kind) {
        // DE 25 point of service condition code: 00 normal presentment.
        m.set(25, "00");
    }

    @Override
    public void setReversalReason(IsoMessage m, boolean timeout) {
        // The model carries the reason in DE 39: 68 after a timeout; 17 (ISO 8583:1987
        // "customer cancellation") when the customer cancelled.
        m.set(39, timeout ? "68" : "17");
    }

    @Override
    public void setCardAcceptor(IsoMessage m, String terminalId, String merchantId,
            String name, String city, String country) {
        m.set(41, terminalId).set(42, merchantId).set(43, Fields.padRight(name, 25)
                + Fields.padRight(city, 13) + Fields.padRight(country, 2));
    }

    @Override
    public String recipientCardTag() {
        return "04";
    }

    @Override
    public String holderNameTag() {
        return "05";
    }

    @Override
    public String terminalTypeTag() {
        return null;
    }

    @Override
    public boolean hasNameInquiry() {
        return false;
    }

    @Override
    public Set<Integer> responseEchoFields() {
        return Set.of(2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 32, 33, 37, 41, 42, 49, 50, 51);
    }

    @Override
    public Set<Integer> reversalResponseEchoFields() {
        return Set.of(2, 3, 4, 11, 32, 33, 37, 41, 49, 90);
    }

    @Override
    public boolean hasReplacementAmounts() {
        return true;
    }

    @Override
    public Set<Integer> reversalCopiedFields() {
        return Set.of(2, 3, 4, 12, 13, 18, 22, 25, 32, 33, 37, 41, 42, 49);
    }

    @Override
    public void setBalance(IsoMessage m, Money balance) {
        m.set(54, Fields.balanceText(balance));
    }

    @Override
    public Money balance(IsoMessage m) {
        return Fields.parseBalance(m.getString(54));
    }

    @Override
    public String toString() {
        return "MirWire[" + dialect.name() + "]";
    }
}
