package io.caspian.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's writes arranged so that each statement kind runs as one JDBC batch, with the
 * same effect as running every write one after another in submission order.
 *
 * <pre>
 * level 0: inserts | transitions | SAF writes   (no two writes share a transaction id)
 * level 1: ...                                   (writes that must follow one in level 0)
 * </pre>
 *
 * <p>A write's keys are the transaction ids it touches: its own, and for an insert the
 * original it refers to (the foreign key needs the original to exist first). A write goes
 * one level after the last earlier write sharing any of its keys, so writes that touch the
 * same rows keep their order and writes within one level are independent: running a
 * level's inserts before its transitions cannot change the outcome.
 *
 * <p>An insert followed by transitions of that transaction out of the state it was just
 * put in (in the same submission or a later one of the batch, with no other write of that
 * transaction in between) is folded into one insert of the final row and all its history
 * entries: a row inserted in state S is certainly in S when the next write of it runs. If
 * the row already existed (a replay), the insert inserts nothing, which the applier treats
 * as a conflict, and the batch goes write by write. That is how a request's insert,
 * ROUTED and SENT cost one row, and with the journal's loader its answer too.
 *
 * <p>Only the writes flows make at traffic rate are planned; a batch holding a business
 * date cut-over or an audit entry runs write by write ({@link #of} returns null).
 */
final class WritePlan {
    /** History entry with a known number: for rows this batch inserts. */
    record Change(UUID transactionId, int seq, TransactionState from, TransactionState to,
            String cause, Instant at) {
    }

    /** A new row as it stands after its folded transitions, and its history entries. */
    record NewTransaction(TransactionRecord row, Instant updatedAt, List<Change> history) {
        int stateSeq() {
            return history.size();
        }
    }

    /** Writes of one level, by statement kind, each list in submission order. */
    record Level(List<NewTransaction> inserts, List<StoreWrite.Transition> transitions,
            List<SafItem> enqueues, List<StoreWrite.SafAttempt> attempts,
            List<StoreWrite.SafAck> acks) {
        Level() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    private final List<Level> levels = new ArrayList<>();
    private final Map<UUID, Integer> nextLevel = new HashMap<>();

    /** A row being inserted, still taking the transitions that continue its state. */
    private static final class Folding {
        TransactionRecord row;
        Instant updatedAt;
        final List<Change> history = new ArrayList<>();
        final List<NewTransaction> slot;
        final int index;

        Folding(StoreWrite.InsertTransaction insert, List<NewTransaction> slot) {
            this.row = insert.transaction();
            this.updatedAt = row.createdAt();
            this.history.add(new Change(row.id(), 1, null, row.state(), insert.cause(),
                    row.createdAt()));
            this.slot = slot;
            this.index = slot.size();
            slot.add(null);
        }

        boolean takes(StoreWrite.Transition t) {
            return t.from() == row.state();
        }

        void take(StoreWrite.Transition t) {
            row = row.after(t.to(), t.fields());
            updatedAt = t.at();
            history.add(new Change(row.id(), history.size() + 1, t.from(), t.to(), t.cause(),
                    t.at()));
        }

        void place() {
            slot.set(index, new NewTransaction(row, updatedAt, List.copyOf(history)));
        }
    }

    private final Map<UUID, Folding> folding = new HashMap<>();
    private final List<Folding> placed = new ArrayList<>();

    private WritePlan() {
    }

    /**
     * The plan, or null when the batch holds a write that is not planned. Transitions that
     * continue a row inserted earlier in the batch, with no other write of that transaction
     * in between, fold into the insert, also across submissions: the journal's loader gets
     * a request's insert and its answer's transition in one batch.
     */
    static WritePlan of(List<Submission> batch) {
        WritePlan plan = new WritePlan();
        for (Submission submission : batch) {
            for (StoreWrite write : submission.writes()) {
                if (!plan.add(write)) {
                    return null;
                }
            }
        }
        for (Folding f : plan.placed) {
            f.place();
        }
        return plan;
    }

    List<Level> levels() {
        return levels;
    }

    private boolean add(StoreWrite write) {
        if (write instanceof StoreWrite.InsertTransaction w) {
            UUID id = w.transaction().id();
            UUID original = w.transaction().originalId();
            stopFolding(id);
            stopFolding(original);
            Folding f = new Folding(w, level(id, original).inserts());
            folding.put(id, f);
            placed.add(f);
        } else if (write instanceof StoreWrite.Transition w) {
            Folding f = folding.get(w.transactionId());
            if (f != null && f.takes(w)) {
                f.take(w);
            } else {
                // Not a continuation: planned on its own, where a wrong from-state conflicts.
                stopFolding(w.transactionId());
                level(w.transactionId(), null).transitions().add(w);
            }
        } else if (write instanceof StoreWrite.EnqueueSaf w) {
            stopFolding(w.item().transactionId());
            level(w.item().transactionId(), null).enqueues().add(w.item());
        } else if (write instanceof StoreWrite.SafAttempt w) {
            stopFolding(w.transactionId());
            level(w.transactionId(), null).attempts().add(w);
        } else if (write instanceof StoreWrite.SafAck w) {
            stopFolding(w.transactionId());
            level(w.transactionId(), null).acks().add(w);
        } else {
            return false;
        }
        return true;
    }

    /** Later writes of {@code id} go after its insert, on levels of their own. */
    private void stopFolding(UUID id) {
        if (id != null) {
            folding.remove(id);
        }
    }

    private Level level(UUID key, UUID otherKey) {
        int index = nextLevel.getOrDefault(key, 0);
        if (otherKey != null) {
            index = Math.max(index, nextLevel.getOrDefault(otherKey, 0));
            nextLevel.put(otherKey, index + 1);
        }
        nextLevel.put(key, index + 1);
        while (levels.size() <= index) {
            levels.add(new Level());
        }
        return levels.get(index);
    }
}
