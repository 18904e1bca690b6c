package io.caspian.clearing;

import io.caspian.store.Amount;
import io.caspian.store.ClearingRows.DisputeRow;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which stored transactions clear, and as what. A presentment is an original request (x100
 * or x200) whose approval the acquirer was given and which stands; a reversal is an
 * acquirer's x420 recorded against such an original. Inquiries move no money and do not
 * clear; a declined or switch-reversed transaction never reached the acquirer as approved.
 */
final class Entries {
    /** States in which the acquirer was told "approved" and the approval stands. */
    static final Set<TransactionState> APPROVED = EnumSet.of(TransactionState.APPROVED,
            TransactionState.STOOD_IN, TransactionState.ADVICE_PENDING, TransactionState.ADVISED);
    private static final Set<TransactionState> REVERSING = EnumSet.of(
            TransactionState.REVERSAL_PENDING, TransactionState.REVERSED);
    /** States of a completion advice the switch accepted and owes (or gave) its issuer. */
    private static final Set<TransactionState> COMPLETED = EnumSet.of(
            TransactionState.ADVICE_PENDING, TransactionState.ADVISED);

    private final FeeSchedule fees;

    Entries(FeeSchedule fees) {
        this.fees = fees;
    }

    static boolean isPresentment(TransactionRecord t) {
        int messageClass = t.mti().charAt(1) - '0';
        return t.originalId() == null && (messageClass == 1 || messageClass == 2)
                && APPROVED.contains(t.state()) && t.issuerAmount() != null
                && TransactionKind.of(t.processingCode()).sign() != 0;
    }

    /** Whether {@code r} is an acquirer reversal of the presentment {@code original}. */
    static boolean isReversalOf(TransactionRecord r, TransactionRecord original) {
        return r.mti().charAt(1) - '0' == 4 && original != null
                && original.id().equals(r.originalId()) && REVERSING.contains(r.state())
                && isPresentment(original);
    }

    /**
     * Whether {@code c} is an accepted completion advice (x220) of the authorization
     * {@code original} (an x100 presentment) for another final amount: it clears as an
     * {@link EntryKind#ADJUSTMENT} of the difference. One for the authorized amount changes
     * nothing and does not clear.
     */
    static boolean isCompletionOf(TransactionRecord c, TransactionRecord original) {
        return c.mti().charAt(1) == '2' && c.mti().charAt(2) == '2' && original != null
                && original.id().equals(c.originalId()) && COMPLETED.contains(c.state())
                && original.mti().charAt(1) == '1' && isPresentment(original)
                && c.acquirerAmount() != null && c.issuerAmount() != null
                && c.acquirerAmount().currency() == original.acquirerAmount().currency()
                && c.acquirerAmount().minor() != original.acquirerAmount().minor();
    }

    ClearingEntry presentment(TransactionRecord t) {
        TransactionKind type = TransactionKind.of(t.processingCode());
        ClearingEntry e = base(EntryKind.PRESENTMENT, t, null, type.sign(), t.acquirerAmount(),
                t.issuerAmount(), t.authCode(), "");
        long amount = t.acquirerAmount().minor();
        return e.withFees(interchange(t, amount), fees.switchFee(t.acquirerScheme(),
                t.businessDate(), amount));
    }

    /**
     * A completion's adjustment of the authorization {@code original} to its final amount:
     * the difference on both sides (the completion's issuer amount is the final amount at
     * the authorization's rate), crediting the cardholder when the final amount is smaller
     * and debiting them when larger. Its fees are {@code fee(final) - fee(authorized)}, so
     * the presentment and its adjustment together pay exactly the fees of the final amount.
     */
    ClearingEntry adjustment(TransactionRecord c, TransactionRecord original) {
        TransactionKind type = TransactionKind.of(original.processingCode());
        long authorized = original.acquirerAmount().minor();
        long completed = c.acquirerAmount().minor();
        int direction = completed > authorized ? 1 : -1;
        Amount acq = original.acquirerAmount();
        Amount iss = original.issuerAmount();
        ClearingEntry e = base(EntryKind.ADJUSTMENT, original, c, direction * type.sign(),
                new Amount(Math.abs(completed - authorized), acq.currency(), acq.exponent()),
                new Amount(Math.abs(c.issuerAmount().minor() - iss.minor()), iss.currency(),
                        iss.exponent()), original.authCode(), "");
        long interchange = interchange(original, completed) - interchange(original, authorized);
        long switchFee = fees.switchFee(original.acquirerScheme(), original.businessDate(),
                completed) - fees.switchFee(original.acquirerScheme(), original.businessDate(),
                        authorized);
        return e.withFees(interchange, switchFee);
    }

    /**
     * A reversal of all or part of {@code original}. Its fees give back the difference
     * between the original's fees and the fees on what remains.
     */
    ClearingEntry reversal(TransactionRecord r, TransactionRecord original) {
        return reversal(r, original, original.acquirerAmount().minor());
    }

    /**
     * A reversal of an original whose fees were charged on {@code feeBaseMinor}: its
     * authorized amount, or the final amount of a completion ({@link #adjustment}).
     */
    ClearingEntry reversal(TransactionRecord r, TransactionRecord original,
            long feeBaseMinor) {
        TransactionKind type = TransactionKind.of(original.processingCode());
        long originalMinor = original.acquirerAmount().minor();
        long reversed = Math.min(r.acquirerAmount().minor(), originalMinor);
        Amount issuer = r.issuerAmount() != null ? r.issuerAmount()
                : new Amount(0, original.issuerAmount().currency(),
                        original.issuerAmount().exponent());
        ClearingEntry e = base(EntryKind.REVERSAL, original, r, -type.sign(),
                new Amount(reversed, r.acquirerAmount().currency(),
                        r.acquirerAmount().exponent()), issuer, original.authCode(), "4000");
        long remaining = Math.max(0, feeBaseMinor - reversed);
        long interchange = interchange(original, feeBaseMinor)
                - interchange(original, remaining);
        long switchFee = fees.switchFee(original.acquirerScheme(), original.businessDate(),
                feeBaseMinor) - fees.switchFee(original.acquirerScheme(),
                        original.businessDate(), remaining);
        return e.withFees(-interchange, -switchFee);
    }

    /** A dispute stage: no fees (docs/clearing.md), amounts as the dispute records them. */
    static ClearingEntry dispute(DisputeRow d, TransactionRecord original) {
        EntryKind kind = EntryKind.valueOf(d.stage());
        TransactionKind type = TransactionKind.of(original.processingCode());
        ClearingEntry e = base(EntryKind.PRESENTMENT, original, null,
                type.sign() * kind.direction(),
                d.amount(), d.issuerAmount(), original.authCode(), d.reasonCode());
        return new ClearingEntry(kind, d.id(), original.id(), d.businessDate(), e.acquirer(),
                e.issuer(), e.channel(), type, e.processingCode(), e.merchantCategoryCode(),
                e.maskedPan(), e.stan(), e.rrn(), e.authCode(), e.stoodIn(), e.sign(),
                e.acquirerAmount(), e.issuerAmount(), e.rate(), 0, 0, e.feeCurrency(),
                d.reasonCode());
    }

    private long interchange(TransactionRecord t, long amountMinor) {
        String mcc = t.acquirer().merchantCategoryCode();
        return fees.interchange(t.acquirerScheme(), TransactionKind.of(t.processingCode()), mcc,
                t.businessDate(), amountMinor);
    }

    /**
     * The common fields: the original's identity and terminal; for a reversal
     * ({@code self} not null) its own id, date and trace number.
     */
    private static ClearingEntry base(EntryKind kind, TransactionRecord original,
            TransactionRecord self, int sign, Amount acquirerAmount, Amount issuerAmount,
            String authCode, String reason) {
        TransactionRecord own = self == null ? original : self;
        return new ClearingEntry(kind, own.id(), self == null ? null : original.id(),
                own.businessDate(), original.acquirerScheme(), original.issuerScheme(),
                original.channel(), TransactionKind.of(original.processingCode()),
                original.processingCode(), original.acquirer().merchantCategoryCode(),
                original.pan().masked(), own.acquirer().stan(), own.acquirer().rrn(), authCode,
                original.stoodIn(), sign, acquirerAmount, issuerAmount,
                original.conversionRate(), 0, 0, acquirerAmount.currency(), reason);
    }
}
