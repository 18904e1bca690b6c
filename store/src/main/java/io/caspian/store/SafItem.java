package io.caspian.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A reversal or advice owed to a scheme. With the transaction row it refers to, it holds
 * every field needed to rebuild the message after a restart; never a PIN block.
 *
 * @param transactionId the transaction being reversed or advised
 * @param targetScheme the scheme to send it to
 * @param messageMti e.g. {@code 0420} or {@code 0120}; a repeat is the switch's business
 * @param reasonCode why, e.g. the scheme's reversal reason for a timeout
 * @param amountMinor amount to reverse or advise, in minor units of {@code currency}
 *     (partial reversals carry less than the original)
 * @param attempts sends so far
 * @param lastAttemptAt null before the first send
 * @param lastError why the last send failed, or null
 * @param ackedAt null until acknowledged
 */
public record SafItem(UUID transactionId, SafKind kind, String targetScheme, SafStatus status,
        String messageMti, String reasonCode, long amountMinor, int currency, int attempts,
        Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
        Instant ackedAt) {

    public SafItem {
        Invariants.present(transactionId, "transaction id");
        Invariants.present(kind, "kind");
        Invariants.requiredText(targetScheme, "target scheme", 16);
        Invariants.present(status, "status");
        Invariants.check(Invariants.digits(messageMti, 4),
                "message mti must be four digits");
        Invariants.requiredText(reasonCode, "reason code", 4);
        Invariants.check(amountMinor >= 0, "amount must not be negative");
        Invariants.check(attempts >= 0, "attempts must not be negative");
        Invariants.present(createdAt, "created at");
        Invariants.present(nextAttemptAt, "next attempt at");
        Invariants.text(lastError, "last error", 200);
    }

    /** A new item, owed from {@code at} and due at once. */
    public static SafItem owed(UUID transactionId, SafKind kind, String targetScheme,
            String messageMti, String reasonCode, long amountMinor, int currency, Instant at) {
        return new SafItem(transactionId, kind, targetScheme, SafStatus.PENDING, messageMti,
                reasonCode, amountMinor, currency, 0, at, at, null, null, null);
    }
}
