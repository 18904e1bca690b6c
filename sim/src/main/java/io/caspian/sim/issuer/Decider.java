package io.caspian.sim.issuer;

import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.Pan;
import io.caspian.hsm.Verification;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.wire.Money;
import io.caspian.sim.wire.Outcome;
import io.caspian.sim.wire.ProcessingCode;
import io.caspian.sim.wire.WireModel;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The checks a real issuer makes, in its order: card known, transaction known, card status,
 * expiry, PIN, amount and currency, limits, funds. The first failing check names the decline.
 */
final class Decider {
    private final WireModel model;
    private final IssuerSettings settings;
    private final Hsm hsm;
    private final Clock clock;
    private long hsmRefusals;

    Decider(WireModel model, IssuerSettings settings, Hsm hsm, Clock clock) {
        this.model = model;
        this.settings = settings;
        this.hsm = hsm;
        this.clock = clock;
    }

    /** A request (x100, x200): every check. */
    Decision decide(IsoMessage m, CardAccount account) {
        ProcessingCode type = ProcessingCode.of(m.getString(3));
        if (account == null) {
            return Decision.decline(Outcome.INVALID_CARD_NUMBER, null, type);
        }
        if (type == null || (type == ProcessingCode.NAME_INQUIRY && !model.hasNameInquiry())) {
            return Decision.decline(Outcome.INVALID_TRANSACTION, account, type);
        }
        if (!permitted(account.status(), type)) {
            return Decision.decline(Outcome.TRANSACTION_NOT_PERMITTED, account, type);
        }
        if (expired(m, account)) {
            return Decision.decline(Outcome.EXPIRED_CARD, account, type);
        }
        if (m.has(52) && !pinVerifies(m, account)) {
            return Decision.decline(Outcome.INCORRECT_PIN, account, type);
        }
        if (type == ProcessingCode.CASH_WITHDRAWAL && !m.has(52)) {
            // Cash is only paid out against a PIN.
            return Decision.decline(Outcome.TRANSACTION_NOT_PERMITTED, account, type);
        }
        if (type == ProcessingCode.BALANCE_INQUIRY || type == ProcessingCode.NAME_INQUIRY) {
            return new Decision(Outcome.APPROVED, account, type, 0);
        }
        long amount = amountMinor(m);
        if (amount < 0) {
            return Decision.decline(Outcome.INVALID_AMOUNT, account, type);
        }
        if (type == ProcessingCode.CASH_WITHDRAWAL && settings.cashLimitMinor() > 0
                && amount > settings.cashLimitMinor()) {
            return Decision.decline(Outcome.EXCEEDS_WITHDRAWAL_LIMIT, account, type);
        }
        if (type.debits() && amount > account.balanceMinor()) {
            return Decision.decline(Outcome.INSUFFICIENT_FUNDS, account, type);
        }
        return new Decision(Outcome.APPROVED, account, type, amount);
    }

    /**
     * An advice (x120, x220): Caspian stood in and already approved, so the issuer posts it
     * whatever the balance; only an unknown card or amount cannot be posted.
     */
    Decision decideAdvice(IsoMessage m, CardAccount account) {
        ProcessingCode type = ProcessingCode.of(m.getString(3));
        long amount = amountMinor(m);
        if (account == null || type == null || amount < 0) {
            return Decision.decline(account == null ? Outcome.INVALID_CARD_NUMBER
                    : Outcome.INVALID_TRANSACTION, account, type);
        }
        return new Decision(Outcome.APPROVED, account, type, amount);
    }

    long hsmRefusals() {
        return hsmRefusals;
    }

    private static boolean permitted(CardStatus status, ProcessingCode type) {
        switch (status) {
            case ACTIVE:
                return true;
            case RESTRICTED:
                // A restricted card may shop, be refunded and be asked about, not pay out.
                return !(type == ProcessingCode.CASH_WITHDRAWAL || type == ProcessingCode.TRANSFER);
            default:
                return false;
        }
    }

    private boolean expired(IsoMessage m, CardAccount account) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        if (now.isAfter(account.card().expiry())) {
            return true;
        }
        // An expiry date that is not the card's is answered as expired, as issuers do.
        String de14 = m.getString(14);
        return de14 != null && !de14.equals(account.card().expiryYymm());
    }

    private boolean pinVerifies(IsoMessage m, CardAccount account) {
        byte[] block = m.getBytes(52);
        if (block == null || block.length != settings.pinBlockFormat().blockLengthBytes()) {
            return false;
        }
        HsmResult<Verification> r = hsm.execute(new HsmCommand.VerifyPin(settings.zonePinKey(),
                settings.pinBlockFormat(), Pan.of(account.pan()), new EncryptedPinBlock(block),
                account.card().pin()));
        if (r instanceof HsmResult.Ok<Verification> ok) {
            return ok.value().verified();
        }
        // A block that does not decode under our key: wrong key or garbage; a wrong PIN to
        // the cardholder either way.
        hsmRefusals++;
        return false;
    }

    /** The amount in the account's currency (DE 6 when the switch converted, else DE 4). */
    private long amountMinor(IsoMessage m) {
        Money billing = model.billingAmount(m);
        Money money = billing != null ? billing : model.amount(m);
        if (money == null || money.currency() != settings.currency().numeric()) {
            return -1;
        }
        return money.minorAt(settings.currency().exponent());
    }
}
