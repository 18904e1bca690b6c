package io.caspian.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The closed set of writes. A list of them given to {@link TransactionStore#submit} is
 * durable together in one commit, or not at all: an outcome and the reversal it owes are
 * never split.
 *
 * <p>Every write is idempotent by its key, so a flow replaying its writes after a crash
 * adds nothing twice: an insert of an existing id with the same identity is a no-op; a
 * transition to the state the row is already in, by the same edge, is a no-op; a second
 * enqueue of the same (transaction, kind) is a no-op; an audit entry is keyed by its id.
 */
public sealed interface StoreWrite {

    /** Records a new transaction in its first state, with history entry 1. */
    record InsertTransaction(TransactionRecord transaction, String cause) implements StoreWrite {
        public InsertTransaction {
            Invariants.present(transaction, "transaction");
            Invariants.requiredText(cause, "cause", 200);
        }
    }

    /**
     * Moves a transaction from {@code from} to {@code to} and appends the change to its
     * history. Fails the submission with {@link StoreFailure#CONFLICT} when the row is not
     * in {@code from}: someone else moved it, which a flow must not paper over.
     */
    record Transition(UUID transactionId, TransactionState from, TransactionState to,
            String cause, Instant at, TransitionFields fields) implements StoreWrite {
        public Transition {
            Invariants.present(transactionId, "transaction id");
            Invariants.present(from, "from");
            Invariants.present(to, "to");
            Invariants.check(from != to, "a transition must change the state");
            Invariants.requiredText(cause, "cause", 200);
            Invariants.present(at, "at");
            fields = fields == null ? TransitionFields.NONE : fields;
        }
    }

    /** Owes a reversal or advice; it stays owed across restarts until acknowledged. */
    record EnqueueSaf(SafItem item) implements StoreWrite {
        public EnqueueSaf {
            Invariants.present(item, "item");
            Invariants.check(item.status() == SafStatus.PENDING, "a new item is pending");
        }
    }

    /** Records one send of a pending item and when to send it again. */
    record SafAttempt(UUID transactionId, SafKind kind, Instant attemptedAt,
            Instant nextAttemptAt, String error) implements StoreWrite {
        public SafAttempt {
            Invariants.present(transactionId, "transaction id");
            Invariants.present(kind, "kind");
            Invariants.present(attemptedAt, "attempted at");
            Invariants.present(nextAttemptAt, "next attempt at");
            Invariants.text(error, "error", 200);
        }
    }

    /** The scheme acknowledged the item; it is no longer owed. */
    record SafAck(UUID transactionId, SafKind kind, Instant ackedAt) implements StoreWrite {
        public SafAck {
            Invariants.present(transactionId, "transaction id");
            Invariants.present(kind, "kind");
            Invariants.present(ackedAt, "acked at");
        }
    }

    /**
     * Opens a scheme's business date (cut-over) and closes its previous open one. Opening
     * a date that is already open is a no-op.
     */
    record OpenBusinessDate(String scheme, LocalDate date, Instant at) implements StoreWrite {
        public OpenBusinessDate {
            Invariants.requiredText(scheme, "scheme", 16);
            Invariants.present(date, "date");
            Invariants.present(at, "at");
        }
    }

    /** Records an operator action. */
    record Audit(AuditEntry entry) implements StoreWrite {
        public Audit {
            Invariants.present(entry, "entry");
        }
    }
}
