package io.caspian.sim.acquirer;

import io.caspian.sim.cards.TestCard;
import io.caspian.sim.wire.ProcessingCode;
import java.util.Objects;

/**
 * One thing a customer does at a terminal.
 *
 * @param type purchase, cash, refund, balance or name inquiry, transfer
 * @param authorization sent as x100 (authorization) instead of x200 (financial)
 * @param terminal where
 * @param card which card (usually a foreign one)
 * @param amountMinor minor units of the acquirer's currency; 0 for inquiries
 * @param pin whether a PIN is entered (cash always has one)
 * @param wrongPin whether the customer types a wrong PIN
 * @param recipientPan the destination card of a transfer; null otherwise
 */
public record AcquirerRequest(ProcessingCode type, boolean authorization, Terminal terminal,
        TestCard card, long amountMinor, boolean pin, boolean wrongPin, String recipientPan) {
    public AcquirerRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(card, "card");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor >= 0");
        }
        if (type == ProcessingCode.TRANSFER && recipientPan == null) {
            throw new IllegalArgumentException("a transfer needs a recipient");
        }
    }

    /** A purchase (x200 pc 00) with or without PIN. */
    public static AcquirerRequest purchase(Terminal t, TestCard card, long amountMinor,
            boolean pin) {
        return new AcquirerRequest(ProcessingCode.PURCHASE, false, t, card, amountMinor, pin,
                false, null);
    }

    /** Cash at an ATM (x200 pc 01), always with PIN. */
    public static AcquirerRequest cash(Terminal t, TestCard card, long amountMinor) {
        return new AcquirerRequest(ProcessingCode.CASH_WITHDRAWAL, false, t, card, amountMinor,
                true, false, null);
    }

    /** A refund (x200 pc 20). */
    public static AcquirerRequest refund(Terminal t, TestCard card, long amountMinor) {
        return new AcquirerRequest(ProcessingCode.REFUND, false, t, card, amountMinor, false,
                false, null);
    }

    /** A balance inquiry (x200 pc 31) with PIN. */
    public static AcquirerRequest balance(Terminal t, TestCard card) {
        return new AcquirerRequest(ProcessingCode.BALANCE_INQUIRY, false, t, card, 0, true,
                false, null);
    }

    /** A card-to-card transfer (x200 pc 40) with PIN. */
    public static AcquirerRequest transfer(Terminal t, TestCard card, long amountMinor,
            String recipientPan) {
        return new AcquirerRequest(ProcessingCode.TRANSFER, false, t, card, amountMinor, true,
                false, recipientPan);
    }

    /** An authorization (x100 pc 00). */
    public static AcquirerRequest authorization(Terminal t, TestCard card, long amountMinor) {
        return new AcquirerRequest(ProcessingCode.PURCHASE, true, t, card, amountMinor, false,
                false, null);
    }

    /** A Shetab cardholder name inquiry (x100 pc 33) for a transfer's destination card. */
    public static AcquirerRequest nameInquiry(Terminal t, TestCard destination,
            long amountMinor) {
        return new AcquirerRequest(ProcessingCode.NAME_INQUIRY, true, t, destination,
                amountMinor, false, false, null);
    }

    /** The same request with the wrong PIN typed. */
    public AcquirerRequest withWrongPin() {
        return new AcquirerRequest(type, authorization, terminal, card, amountMinor, true, true,
                recipientPan);
    }
}
