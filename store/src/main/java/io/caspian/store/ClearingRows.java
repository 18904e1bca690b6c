package io.caspian.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The rows of clearing, disputes and settlement (V2 migration, docs/clearing.md). */
public final class ClearingRows {
    private ClearingRows() {
    }

    /** A clearing file that was sent: one scheme, one business date. */
    public record FileRow(String scheme, LocalDate businessDate, String fileName,
            int recordCount, String sha256, Instant createdAt) {
        public FileRow {
            Invariants.requiredText(scheme, "scheme", 16);
            Invariants.present(businessDate, "business date");
            Invariants.requiredText(fileName, "file name", 128);
            Invariants.check(recordCount >= 0, "record count must not be negative");
            Invariants.check(sha256 != null && sha256.matches("[0-9a-f]{64}"),
                    "sha256 must be 64 lower-case hex digits");
            createdAt = Invariants.present(createdAt, "created at")
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
    }

    /** One record of a file: a transaction or a dispute stage, with its fees. */
    public record ItemRow(String scheme, UUID itemId, LocalDate businessDate, int recordSeq,
            String kind, long interchangeFeeMinor, long switchFeeMinor, int feeCurrency) {
        public ItemRow {
            Invariants.requiredText(scheme, "scheme", 16);
            Invariants.present(itemId, "item id");
            Invariants.present(businessDate, "business date");
            Invariants.check(recordSeq >= 1, "record numbers start at 1");
            Invariants.requiredText(kind, "kind", 24);
        }
    }

    /** A chargeback, representment or second chargeback against an original transaction. */
    public record DisputeRow(UUID id, UUID originalId, String stage, String reasonCode,
            Amount amount, Amount issuerAmount, LocalDate businessDate, Instant raisedAt,
            LocalDate respondBy, String operator, String note) {
        public DisputeRow {
            Invariants.present(id, "id");
            Invariants.present(originalId, "original id");
            Invariants.requiredText(stage, "stage", 24);
            Invariants.requiredText(reasonCode, "reason code", 4);
            Invariants.present(amount, "amount");
            Invariants.check(amount.minor() > 0, "a dispute moves a positive amount");
            Invariants.present(issuerAmount, "issuer amount");
            Invariants.present(businessDate, "business date");
            raisedAt = Invariants.present(raisedAt, "raised at")
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Invariants.present(respondBy, "respond by");
            Invariants.requiredText(operator, "operator", 64);
            Invariants.text(note, "note", 200);
            note = note == null ? "" : note;
        }
    }

    /**
     * A participant's settlement position in one currency for one business date. Positive:
     * the participant receives; negative: it pays.
     */
    public record PositionRow(LocalDate businessDate, String participant, int currency,
            int exponent, long transactionsMinor, long interchangeMinor, long switchFeeMinor,
            long netMinor, Instant settledAt) {
        public PositionRow {
            Invariants.present(businessDate, "business date");
            Invariants.requiredText(participant, "participant", 16);
            Invariants.check(transactionsMinor + interchangeMinor + switchFeeMinor == netMinor,
                    "net must be the sum of its parts");
            settledAt = Invariants.present(settledAt, "settled at")
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
    }

    /** What settlement puts back into a scheme's prefunded position. */
    public record PrefundCredit(String scheme, LocalDate businessDate, long amountMinor,
            int currency, Instant recordedAt, Instant appliedAt) {
        public PrefundCredit {
            Invariants.requiredText(scheme, "scheme", 16);
            Invariants.present(businessDate, "business date");
            recordedAt = Invariants.present(recordedAt, "recorded at")
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
    }

    /** One row of {@code business_date}. */
    public record BusinessDateRow(String scheme, LocalDate businessDate, Instant openedAt,
            Instant closedAt) {
    }
}
