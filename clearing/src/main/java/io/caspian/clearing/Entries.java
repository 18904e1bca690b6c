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

    ClearingEntry presentment(TransactionRecord t) {
        TransactionKind type = TransactionKind.of(t.processingCode());
        ClearingEntry e = base(EntryKind.PRESENTMENT, t, null, type.sign(), t.acquirerAmount(),
                t.issuerAmount(), t.authCode(), "");
        long amount = t.acquirerAmount().minor();
        return e.withFees(interchange(t, amount), fees.switchFee(t.acquirerScheme(),
                t.businessDate(), amount));
    }

    /**
     * A reversal of all or part of {@code original}. Its fees give back the difference
     * between the original's fees and the fees on what remains.
     */
    ClearingEntry reversal(TransactionRecord r, TransactionRecord original) {
        TransactionKind type = TransactionKind.of(original.processingCode());
        long originalMinor = original.acquirerAmount().minor();
        long reversed = Math.min(r.acquirerAmount().minor(), originalMinor);
        Amount issuer = r.issuerAmount() != null ? r.issuerAmount()
                : new Amount(0, original.issuerAmount().currency(),
                        original.issuerAmount().exponent());
        ClearingEntry e = base(EntryKind.REVERSAL, original, r, -type.sign(),
                new Amount(reversed, r.acquirerAmount().currency(),
                        r.acquirerAmount().exponent()), issuer, original.authCode(), "4000");
        long remaining = originalMinor - reversed;
        long interchange = interchange(original, originalMinor)
                - interchange(original, remaining);
        long switchFee = fees.switchFee(original.acquirerScheme(), original.businessDate(),
                originalMinor) - fees.switchFee(original.acquirerScheme(),
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
