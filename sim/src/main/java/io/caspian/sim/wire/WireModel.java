package io.caspian.sim.wire;

import io.caspian.hsm.PinBlockFormat;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import java.time.Instant;
import java.util.Set;

/**
 * One scheme model's conventions beyond the field table: what goes where and how. Chosen
 * from the dialect's ISO version ({@link #of}): 1987 is written the {@code mir} way, 2003 the
 * {@code shetab} way (docs/dialects.md).
 */
public sealed interface WireModel permits MirWire, ShetabWire {

    /** The model for a dialect, by its ISO version. */
    static WireModel of(Dialect dialect) {
        switch (dialect.isoVersion()) {
            case V1987:
                return new MirWire(dialect);
            case V2003:
                return new ShetabWire(dialect);
            default:
                throw new IllegalArgumentException("no simulator model for ISO "
                        + dialect.isoVersion().year() + " (" + dialect.name() + ")");
        }
    }

    /** Message class and function without the version digit: 200 for 0200 and 2200. */
    static int kind(IsoMessage m) {
        return m.mtiNumber() % 1000;
    }

    Dialect dialect();

    /** The MTI number for an ISO 8583:1987 class and function: 200 gives 0200 or 2200. */
    default int mti(int kind) {
        return dialect().isoVersion().mtiDigit() * 1000 + kind;
    }

    /** A new message of this model with the MTI for {@code kind}. */
    default IsoMessage newMessage(int kind) {
        return new IsoMessage(dialect()).setMti(mti(kind));
    }

    /** The response or action code for an outcome. */
    String code(Outcome outcome);

    /** The outcome a code means; null for a code the model does not list. */
    Outcome outcome(String code);

    /** DE 11 wraps at this value: 10^6 (Mir) or 10^12 (Shetab). */
    long stanModulus();

    /** The PIN block format this model's DE 52 carries. */
    PinBlockFormat pinBlockFormat();

    /** DE 4 (and DE 49 where the model has it). */
    void setAmount(IsoMessage m, Money amount);

    /** DE 4 with its currency; null when absent. */
    Money amount(IsoMessage m);

    /** DE 6 with its currency (the cardholder billing amount); null when absent. */
    Money billingAmount(IsoMessage m);

    /** DE 7 (UTC) and the model's local date-time fields. */
    void setTimes(IsoMessage m, Instant now);

    /** DE 15 settlement date in a response. */
    void setSettlementDate(IsoMessage m, Instant now);

    /** The key a reversal of {@code original} names in its DE 90. */
    OriginalKey keyOf(IsoMessage original);

    /** The original a reversal names in DE 90; null when DE 90 is absent or unreadable. */
    OriginalKey originalKeyOf(IsoMessage reversal);

    /** DE 90 for a reversal of {@code original}. */
    String originalDataElements(IsoMessage original);

    /** Fields only requests of this model carry (Shetab DE 24 function code; Mir DE 25). */
    void setRequestCodes(IsoMessage m, int kind);

    /** Why a reversal is sent: DE 25 (Shetab) or DE 39 (Mir). */
    void setReversalReason(IsoMessage m, boolean timeout);

    /** DE 41, 42, 43 in the model's layout. */
    void setCardAcceptor(IsoMessage m, String terminalId, String merchantId, String name,
            String city, String country);

    /** The DE 48 tags of this model: recipient card, recipient/holder name, terminal type. */
    String recipientCardTag();

    /** Tag of the holder name: Shetab returns it in a name inquiry; Mir names a recipient. */
    String holderNameTag();

    /** Tag of the terminal type (Shetab: POS, ATM, INT); null when the model has none. */
    String terminalTypeTag();

    /** Whether the model has the Shetab cardholder name inquiry (processing code 33). */
    boolean hasNameInquiry();

    /** Request fields echoed in a financial, authorization or advice response. */
    Set<Integer> responseEchoFields();

    /** Request fields echoed in a reversal response. */
    Set<Integer> reversalResponseEchoFields();

    /** Fields a reversal copies from its original (besides DE 11, 7 and 90, its own). */
    Set<Integer> reversalCopiedFields();

    /**
     * Whether a partial reversal says what remains in DE 95 (ISO 8583:1987 replacement
     * amounts, DE 4 keeping the original amount), rather than the part reversed in DE 4.
     */
    boolean hasReplacementAmounts();

    /** DE 54 with one available balance. */
    void setBalance(IsoMessage m, Money balance);

    /** The available balance in DE 54; null when absent. */
    Money balance(IsoMessage m);
}
