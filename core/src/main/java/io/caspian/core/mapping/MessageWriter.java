package io.caspian.core.mapping;

import io.caspian.core.money.Money;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.CardAcceptor;
import io.caspian.core.txn.Digits;
import io.caspian.core.txn.Mti;
import io.caspian.core.txn.Reason;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.FieldSpec;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

/** Writes canonical messages in one scheme's dialect. Stateless. */
public final class MessageWriter {
    private static final DateTimeFormatter DE7 = DateTimeFormatter.ofPattern("MMddHHmmss");
    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("MMdd");
    /** Fields a response echoes from its request, when the response's dialect has them. */
    private static final int[] ECHOED = {2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15, 32, 33, 37,
        41, 42, 49, 50, 51, 90};

    private final SchemeWire wire;

    public MessageWriter(SchemeWire wire) {
        this.wire = wire;
    }

    public SchemeWire wire() {
        return wire;
    }

    /** DE 7 for a moment: MMDDhhmmss in UTC, as ISO 8583 transmission date-time is. */
    public static String transmissionTime(Instant at) {
        return DE7.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /**
     * A request or advice towards this scheme, numbered by Caspian: our STAN and RRN, our
     * institution ids, the amount in this scheme's currency and the PIN block under its key.
     */
    public IsoMessage request(CanonicalMessage c, Mti mti, Money amount, Money billing,
            String billingRate, Outbound ours, byte[] pinBlock) {
        IsoMessage m = wire.codec().newMessage().setMti(mti.withVersion(wire.version())
                .toString());
        m.set(2, c.pan());
        m.set(3, c.processingCode());
        setAmount(m, 4, 49, amount);
        if (billing != null && wire.dialect().field(6) != null) {
            setAmount(m, 6, 51, billing);
            setIfDeclared(m, 10, billingRate);
        }
        m.set(7, transmissionTime(ours.at()));
        m.set(11, ours.stan());
        setLocalTime(m, ours.localTime() != null ? ours.localTime()
                : LocalDateTime.ofInstant(ours.at(), ZoneOffset.UTC));
        setIfDeclared(m, 14, c.expiry());
        CardAcceptor a = c.acceptor();
        setIfDeclared(m, 18, a.mcc());
        setIfDeclared(m, 22, c.posEntryMode());
        if (wire.conventions().functionCodes()) {
            m.set(24, functionCode(mti));
        }
        m.set(32, wire.institutionId());
        m.set(33, wire.institutionId());
        setIfDeclared(m, 35, c.track2());
        m.set(37, ours.rrn());
        setIfDeclared(m, 41, a.terminalId());
        setIfDeclared(m, 42, a.merchantId());
        setNameLocation(m, a);
        if (pinBlock != null) {
            m.setBytes(52, pinBlock);
        }
        if (c.emvData() != null && c.emvData().length > 0) {
            m.setBytes(55, c.emvData());
        }
        if (c.recipientPan() != null && wire.conventions().recipientTag() != null) {
            m.set(48, tlv(wire.conventions().recipientTag(), c.recipientPan()));
        }
        return m;
    }

    /**
     * A reversal advice (x420) of a message Caspian sent: DE 90 names our original MTI, STAN
     * and transmission time; DE 25 the reason where the dialect carries one.
     */
    public IsoMessage reversal(String pan, String processingCode, Money amount, Outbound ours,
            Mti originalMti, Outbound original, String terminalId, String merchantId,
            String reasonCode, boolean repeat) {
        return reversal(pan, processingCode, amount, null, ours, originalMti, original,
                terminalId, merchantId, reasonCode, repeat);
    }

    /**
     * A reversal, partial when {@code originalAmount} is larger than {@code amount} (the part
     * reversed). Where the dialect has DE 95 and amounts go in DE 4 + DE 49 (ISO 8583:1987),
     * a partial reversal carries the original amount in DE 4 and what remains in DE 95;
     * elsewhere DE 4 is the part reversed.
     */
    public IsoMessage reversal(String pan, String processingCode, Money amount,
            Money originalAmount, Outbound ours, Mti originalMti, Outbound original,
            String terminalId, String merchantId, String reasonCode, boolean repeat) {
        Mti mti = new Mti(wire.version(), Mti.CLASS_REVERSAL, Mti.FUNCTION_ADVICE,
                repeat ? 1 : 0);
        IsoMessage m = wire.codec().newMessage().setMti(mti.toString());
        m.set(2, pan);
        m.set(3, processingCode);
        setAmount(m, 4, 49, amount);
        m.set(7, transmissionTime(ours.at()));
        m.set(11, ours.stan());
        setLocalTime(m, original.localTime() != null ? original.localTime()
                : LocalDateTime.ofInstant(original.at(), ZoneOffset.UTC));
        if (wire.conventions().functionCodes()) {
            m.set(24, "400");
            setIfDeclared(m, 25, reasonCode);
        }
        m.set(32, wire.institutionId());
        m.set(33, wire.institutionId());
        m.set(37, original.rrn());
        setIfDeclared(m, 41, terminalId);
        setIfDeclared(m, 42, merchantId);
        if (wire.dialect().field(39) != null && !wire.conventions().functionCodes()) {
            m.set(39, wire.codes().code(Reason.LATE_RESPONSE));
        }
        m.set(90, originalData(originalMti, original));
        if (originalAmount != null && originalAmount.minor() > amount.minor()
                && usesReplacementAmounts()) {
            setAmount(m, 4, 49, originalAmount);
            m.set(95, replacementAmounts(originalAmount.minus(amount)));
        }
        return m;
    }

    /** Whether partial reversals name what remains in DE 95 (ISO 8583:1987 layout). */
    public boolean usesReplacementAmounts() {
        FieldSpec spec = wire.dialect().field(95);
        return spec != null && spec.max() == REPLACEMENT_LENGTH
                && wire.conventions().amounts()
                != WireConventions.AmountLayout.N16_CURRENCY_EXPONENT_AMOUNT;
    }

    /**
     * ISO 8583:1987 DE 95, an42:
     * <pre>
     * actual amount, transaction (n12) | actual amount, settlement (n12)
     * actual transaction fee (x+n8)    | actual settlement fee (x+n8)
     * </pre>
     * The settlement amount is the same figure: Caspian settles in the issuer's currency.
     */
    static String replacementAmounts(Money remaining) {
        String amount = Digits.pad(remaining.minor(), 12);
        return amount + amount + "C00000000" + "C00000000";
    }

    /** The length of ISO 8583:1987 DE 95. */
    public static final int REPLACEMENT_LENGTH = 42;

    /**
     * A completion advice (x220) of an authorization Caspian forwarded: its own numbering,
     * the final amount, the original's approval code, and DE 90 naming the original as sent.
     */
    public IsoMessage completion(String pan, String processingCode, Money amount,
            Outbound ours, Mti originalMti, Outbound original, String authCode,
            String terminalId, String merchantId, boolean repeat) {
        IsoMessage m = advice(pan, processingCode, amount, ours,
                new Mti(wire.version(), Mti.CLASS_FINANCIAL, Mti.FUNCTION_REQUEST, 0), authCode,
                terminalId, merchantId, repeat);
        m.set(90, originalData(originalMti, original));
        return m;
    }

    /** A stand-in advice (x120 or x220) telling the issuer what Caspian approved for it. */
    public IsoMessage advice(String pan, String processingCode, Money amount, Outbound ours,
            Mti requestMti, String authCode, String terminalId, String merchantId,
            boolean repeat) {
        Mti mti = new Mti(wire.version(), requestMti.messageClass(), Mti.FUNCTION_ADVICE,
                repeat ? 1 : 0);
        IsoMessage m = wire.codec().newMessage().setMti(mti.toString());
        m.set(2, pan);
        m.set(3, processingCode);
        setAmount(m, 4, 49, amount);
        m.set(7, transmissionTime(ours.at()));
        m.set(11, ours.stan());
        setLocalTime(m, ours.localTime() != null ? ours.localTime()
                : LocalDateTime.ofInstant(ours.at(), ZoneOffset.UTC));
        if (wire.conventions().functionCodes()) {
            m.set(24, requestMti.messageClass() == Mti.CLASS_AUTHORIZATION ? "100" : "200");
        }
        m.set(32, wire.institutionId());
        m.set(33, wire.institutionId());
        m.set(37, ours.rrn());
        setIfDeclared(m, 38, authCode);
        m.set(39, wire.codes().code(Reason.APPROVED));
        setIfDeclared(m, 41, terminalId);
        setIfDeclared(m, 42, merchantId);
        return m;
    }

    /** The response to a request received from this scheme, echoing its identifiers. */
    public IsoMessage reply(IsoMessage request, Reason reason, String authCode, Money billing,
            String billingRate) {
        Mti mti = Mti.parse(request.mti()).response();
        IsoMessage m = wire.codec().newMessage().setMti(mti.toString());
        for (int f : ECHOED) {
            if (request.has(f) && wire.dialect().field(f) != null) {
                m.copyFrom(request, f);
            }
        }
        if (billing != null && wire.dialect().field(6) != null && !m.has(6)) {
            setAmount(m, 6, 51, billing);
            setIfDeclared(m, 10, billingRate);
        }
        if (reason.isApproval() && authCode != null) {
            setIfDeclared(m, 38, authCode);
        }
        m.set(39, wire.codes().code(reason));
        return m;
    }

    /**
     * The response to a network management request: MTI + 10 (0800 to 0810, 2804 to 2814),
     * its identifiers echoed and the outcome in DE 39.
     */
    public IsoMessage networkReply(IsoMessage request, Reason reason) {
        IsoMessage m = wire.codec().newMessage().setMti(request.mtiNumber() + 10);
        for (int f : new int[] {7, 11, 12, 24, 33, 70}) {
            if (request.has(f)) {
                m.copyFrom(request, f);
            }
        }
        m.set(39, wire.codes().code(reason));
        return m;
    }

    private void setAmount(IsoMessage m, int field, int currencyField, Money amount) {
        if (wire.conventions().amounts()
                == WireConventions.AmountLayout.N16_CURRENCY_EXPONENT_AMOUNT) {
            m.set(field, amount.currency().numericText() + amount.currency().exponent()
                    + Digits.pad(amount.minor(), 12));
        } else {
            m.set(field, amount.minor());
            m.set(currencyField, amount.currency().numericText());
        }
    }

    private void setLocalTime(IsoMessage m, LocalDateTime t) {
        if (wire.conventions().localTime() == WireConventions.LocalTimeLayout.DE12_DATE_TIME) {
            m.set(12, LOCAL_DATE_TIME.format(t));
        } else {
            m.set(12, LOCAL_TIME.format(t));
            setIfDeclared(m, 13, LOCAL_DATE.format(t));
        }
    }

    private void setNameLocation(IsoMessage m, CardAcceptor a) {
        if (a.name() == null || wire.dialect().field(43) == null) {
            return;
        }
        String name = ascii(a.name());
        String city = ascii(a.city() == null ? "" : a.city());
        String country = ascii(a.country() == null ? "" : a.country());
        if (wire.conventions().nameLocation() == WireConventions.NameLocationLayout.SEPARATED) {
            String v = name + ">" + city + ">" + country;
            m.set(43, v.length() > wire.dialect().field(43).max()
                    ? v.substring(0, wire.dialect().field(43).max()) : v);
        } else {
            m.set(43, pad(name, 25) + pad(city, 13) + pad(country, 2));
        }
    }

    /** Printable ASCII only: anything else becomes '?'. No regular expression per message. */
    static String ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] < ' ' || out[j] > '~') {
                        out[j] = '?';
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s.substring(0, n) : s + " ".repeat(n - s.length());
    }

    private String originalData(Mti originalMti, Outbound original) {
        String mti = originalMti.withVersion(wire.version()).toString();
        String acq = Digits.pad(wire.institutionId(), 11);
        if (wire.dialect().field(90).max() >= 52) {
            String local = LOCAL_DATE_TIME.format(original.localTime() != null ? original.localTime()
                            : LocalDateTime.ofInstant(original.at(), ZoneOffset.UTC));
            return mti + Digits.pad(original.stan(), 12) + local + acq
                    + acq;
        }
        return mti + Digits.pad(original.stan(), 6)
                + transmissionTime(original.at()) + acq + acq;
    }

    private static String functionCode(Mti mti) {
        return mti.messageClass() == Mti.CLASS_AUTHORIZATION ? "100" : "200";
    }

    private static String tlv(String tag, String value) {
        return tag + Digits.pad(value.length(), 3) + value;
    }

    private void setIfDeclared(IsoMessage m, int field, String value) {
        FieldSpec spec = wire.dialect().field(field);
        if (value != null && spec != null) {
            m.set(field, value);
        }
    }
}
