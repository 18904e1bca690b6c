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
 * The {@code shetab} model: ISO 8583:2003 style, DE 4 as currency + exponent + amount,
 * 12-digit trace number, 14-digit local date-time (Tehran), 4-digit action codes, DE 24
 * function code and DE 25 reason code.
 */
public final class ShetabWire implements WireModel {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Tehran");
    private static final DateTimeFormatter DE7 = DateTimeFormatter.ofPattern("MMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DE12 = DateTimeFormatter
            .ofPattern("yyyyMMddHHmmss").withZone(LOCAL);
    private static final DateTimeFormatter DE15 = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(LOCAL);
    private static final Map<Outcome, String> CODES = new EnumMap<>(Outcome.class);

    static {
        CODES.put(Outcome.APPROVED, "0000");
        CODES.put(Outcome.DO_NOT_HONOUR, "0100");
        CODES.put(Outcome.EXPIRED_CARD, "0101");
        CODES.put(Outcome.INVALID_CARD_NUMBER, "0111");
        CODES.put(Outcome.INSUFFICIENT_FUNDS, "0116");
        CODES.put(Outcome.INCORRECT_PIN, "0117");
        CODES.put(Outcome.TRANSACTION_NOT_PERMITTED, "0119");
        CODES.put(Outcome.EXCEEDS_WITHDRAWAL_LIMIT, "0121");
        CODES.put(Outcome.REVERSAL_ACCEPTED, "0400");
        CODES.put(Outcome.FORMAT_ERROR, "0904");
        CODES.put(Outcome.ISSUER_INOPERATIVE, "0907");
        CODES.put(Outcome.SYSTEM_MALFUNCTION, "0909");
        CODES.put(Outcome.ISSUER_TIMED_OUT, "0911");
        CODES.put(Outcome.DUPLICATE_TRANSMISSION, "0913");
    }

    private final Dialect dialect;

    ShetabWire(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String code(Outcome outcome) {
        // The model lists no "invalid transaction" or "invalid amount" action code: both
        // are answered with 0100 do not honour, which every Shetab acquirer understands.
        return CODES.getOrDefault(outcome, "0100");
    }

    @Override
    public Outcome outcome(String code) {
        for (Map.Entry<Outcome, String> e : CODES.entrySet()) {
            if (e.getValue().equals(code)) {
                return e.getKey();
            }
        }
        return null;
    }

    @Override
    public long stanModulus() {
        return 1_000_000_000_000L;
    }

    @Override
    public PinBlockFormat pinBlockFormat() {
        // The model's DE 52 is b 16: an ISO 9564 format 4 block (AES) under an AES zone PIN
        // key, the format PCI prefers for new zones. Read from the dialect, so a copy of the
        // model with an 8-byte DE 52 gets format 0.
        return Fields.pinBlockFormat(dialect);
    }

    /*
     * DE 4/5/6, n16: currency (3) | exponent (1) | amount (12) in units of 10^-exponent.
     */
    @Override
    public void setAmount(IsoMessage m, Money amount) {
        m.set(4, amountText(amount));
    }

    static String amountText(Money amount) {
        return String.format("%03d%d%012d", amount.currency(), amount.exponent(),
                amount.minor());
    }

    @Override
    public Money amount(IsoMessage m) {
        return money(m.getString(4));
    }

    @Override
    public Money billingAmount(IsoMessage m) {
        return money(m.getString(6));
    }

    private static Money money(String v) {
        if (v == null || v.length() != 16) {
            return null;
        }
        return new Money(Long.parseLong(v.substring(4)), Integer.parseInt(v.substring(0, 3)),
                v.charAt(3) - '0');
    }

    @Override
    public void setTimes(IsoMessage m, Instant now) {
        m.set(7, DE7.format(now)).set(12, DE12.format(now));
    }

    @Override
    public void setSettlementDate(IsoMessage m, Instant now) {
        m.set(15, DE15.format(now));
    }

    @Override
    public OriginalKey keyOf(IsoMessage original) {
        return new OriginalKey(original.getLong(11), Fields.zeroPadded(original, 12, 14));
    }

    /*
     * DE 90, n52: MTI (4) | trace (12) | local date-time (14) | acquirer (11) | forwarder (11).
     */
    @Override
    public OriginalKey originalKeyOf(IsoMessage reversal) {
        String v = reversal.getString(90);
        if (v == null || v.length() != 52) {
            return null;
        }
        return new OriginalKey(Long.parseLong(v.substring(4, 16)), v.substring(16, 30));
    }

    @Override
    public String originalDataElements(IsoMessage original) {
        return original.mti() + Fields.zeroPadded(original, 11, 12)
                + Fields.zeroPadded(original, 12, 14) + Fields.zeroPadded(original, 32, 11)
                + Fields.zeroPadded(original, 33, 11);
    }

    @Override
    public void setRequestCodes(IsoMessage m, int kind) {
        // DE 24 function code: 100 authorization, 200 financial, 400 full reversal.
        int function = kind / 100 * 100;
        m.set(24, function == 100 || function == 200 || function == 400 ? function : 200);
    }

    @Override
    public void setReversalReason(IsoMessage m, boolean timeout) {
        // DE 25 message reason code: 4021 timeout waiting for response, 4000 customer
        // cancellation.
        m.set(25, timeout ? "4021" : "4000");
    }

    @Override
    public void setCardAcceptor(IsoMessage m, String terminalId, String merchantId,
            String name, String city, String country) {
        m.set(41, terminalId).set(42, merchantId).set(43, name + ">" + city + ">" + country);
    }

    @Override
    public String recipientCardTag() {
        return "02";
    }

    @Override
    public String holderNameTag() {
        return "01";
    }

    @Override
    public String terminalTypeTag() {
        return "03";
    }

    @Override
    public boolean hasNameInquiry() {
        return true;
    }

    @Override
    public Set<Integer> responseEchoFields() {
        return Set.of(2, 3, 4, 5, 6, 9, 10, 11, 12, 32, 33, 37, 41, 42);
    }

    @Override
    public Set<Integer> reversalResponseEchoFields() {
        return Set.of(2, 3, 4, 11, 12, 32, 37, 41, 90);
    }

    @Override
    public boolean hasReplacementAmounts() {
        return false;
    }

    @Override
    public Set<Integer> reversalCopiedFields() {
        return Set.of(2, 3, 4, 6, 10, 12, 32, 33, 37, 41, 42);
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
        return "ShetabWire[" + dialect.name() + "]";
    }
}
