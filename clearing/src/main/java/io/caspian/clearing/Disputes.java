package io.caspian.clearing;

import io.caspian.store.Amount;
import io.caspian.store.AuditEntry;
import io.caspian.store.ClearingLedger;
import io.caspian.store.ClearingRows.DisputeRow;
import io.caspian.store.StoreException;
import io.caspian.store.StoreFailure;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionStore;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Disputes against a cleared presentment, each stage once and in order:
 *
 * <pre>
 * CHARGEBACK (issuer, within chargebackDays of the original's date)
 *   └► REPRESENTMENT (acquirer, by the chargeback's respond-by date)
 *        └► SECOND_CHARGEBACK (issuer, by the representment's respond-by date)
 * </pre>
 *
 * A stage belongs to the raising scheme's current business date and goes into both
 * schemes' next clearing files, and so into that date's settlement.
 */
public final class Disputes {
    private final TransactionStore store;
    private final ClearingLedger ledger;
    private final ClearingSettings settings;
    private final BusinessDates dates;
    private final Clock clock;

    public Disputes(TransactionStore store, ClearingSettings settings, BusinessDates dates,
            Clock clock) {
        this.store = store;
        this.ledger = store.clearing();
        this.settings = settings;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * Records a stage against {@code originalId}.
     *
     * @param amountMinor amount in the original's acquirer currency, or null for all of the
     *     stage before (the whole original for a chargeback)
     * @throws ClearingException if the stage is out of order, late, too large, or the
     *     original is not a cleared presentment
     */
    public DisputeRow raise(UUID originalId, EntryKind stage, String reasonCode,
            Long amountMinor, String operator, String note) {
        Checks.check(stage.isDispute(), "not a dispute stage: " + stage);
        DisputeReason.of(reasonCode, stage);
        TransactionRecord original = store.findById(originalId).orElseThrow(
                () -> new ClearingException("no transaction " + originalId));
        if (!Entries.isPresentment(original)
                || ledger.item(original.acquirerScheme(), originalId).isEmpty()) {
            throw new ClearingException("transaction " + originalId + " is not a cleared"
                    + " approval; only cleared approvals can be disputed");
        }
        List<DisputeRow> before = ledger.disputesOf(originalId);
        Optional<DisputeRow> previous = previous(before, stage);
        String raiser = stage == EntryKind.REPRESENTMENT ? original.acquirerScheme()
                : original.issuerScheme();
        LocalDate today = dates.current(raiser);
        LocalDate deadline = previous.map(DisputeRow::respondBy).orElse(
                original.businessDate().plusDays(settings.disputes().chargebackDays()));
        if (today.isAfter(deadline)) {
            throw new ClearingException(stage + " of " + originalId + " was due by " + deadline
                    + "; " + raiser + " is in business date " + today);
        }
        long ceiling = previous.map(d -> d.amount().minor())
                .orElse(original.acquirerAmount().minor());
        long amount = amountMinor == null ? ceiling : amountMinor;
        if (amount <= 0 || amount > ceiling) {
            throw new ClearingException("amount must be 1.." + ceiling + " (minor units of "
                    + "currency " + original.acquirerAmount().currency() + ")");
        }
        Instant now = clock.instant();
        DisputeRow row = new DisputeRow(UUID.randomUUID(), originalId, stage.name(), reasonCode,
                new Amount(amount, original.acquirerAmount().currency(),
                        original.acquirerAmount().exponent()), issuerShare(original, amount),
                today, now, today.plusDays(settings.disputes().responseDays()), operator,
                note == null ? "" : note);
        try {
            ledger.insertDispute(row);
        } catch (StoreException e) {
            if (e.failure() == StoreFailure.CONFLICT) {
                throw new ClearingException(stage + " of " + originalId + " was raised before");
            }
            throw e;
        }
        store.submit(new StoreWrite.Audit(new AuditEntry(UUID.randomUUID(), now, operator,
                "DISPUTE_" + stage.name(), originalId.toString(), "reason " + reasonCode
                        + ", amount " + amount + ", business date " + today))).join();
        return row;
    }

    /** The stages raised against an original, in order. */
    public List<DisputeRow> of(UUID originalId) {
        return ledger.disputesOf(originalId);
    }

    private static Optional<DisputeRow> previous(List<DisputeRow> before, EntryKind stage) {
        EntryKind needed = switch (stage) {
            case CHARGEBACK -> null;
            case REPRESENTMENT -> EntryKind.CHARGEBACK;
            case SECOND_CHARGEBACK -> EntryKind.REPRESENTMENT;
            default -> throw new IllegalStateException("not a dispute stage: " + stage);
        };
        for (DisputeRow d : before) {
            if (d.stage().equals(stage.name())) {
                throw new ClearingException(stage + " of " + d.originalId()
                        + " was raised before (" + d.id() + ")");
            }
        }
        if (needed == null) {
            return Optional.empty();
        }
        return Optional.of(before.stream().filter(d -> d.stage().equals(needed.name()))
                .findFirst().orElseThrow(() -> new ClearingException("a " + stage + " needs a "
                        + needed + " first")));
    }

    /**
     * The issuer-side amount of {@code amount}: the original's issuer amount when it is the
     * whole original, else in proportion, rounded half up.
     */
    static Amount issuerShare(TransactionRecord original, long amount) {
        Amount iss = original.issuerAmount();
        long acq = original.acquirerAmount().minor();
        long minor = iss.minor();
        if (amount != acq) {
            BigInteger[] qr = BigInteger.valueOf(iss.minor()).multiply(BigInteger.valueOf(amount))
                    .divideAndRemainder(BigInteger.valueOf(acq));
            minor = qr[0].longValueExact()
                    + (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(acq)) >= 0 ? 1 : 0);
        }
        return new Amount(minor, iss.currency(), iss.exponent());
    }
}
