package io.caspian.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
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
 * <p>An insert followed, in the same submission, by transitions of that transaction out of
 * the state it was just put in is folded into one insert of the final row and all its
 * history entries: a row inserted in state S is certainly in S when the next write of the
 * same submission runs. That is how a request's insert, ROUTED and SENT cost one row.
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

    private WritePlan() {
    }

    /** The plan, or null when the batch holds a write that is not planned. */
    static WritePlan of(List<Submission> batch) {
        WritePlan plan = new WritePlan();
        for (Submission submission : batch) {
            ListIterator<StoreWrite> writes = submission.writes().listIterator();
            while (writes.hasNext()) {
                if (!plan.add(writes.next(), writes)) {
                    return null;
                }
            }
        }
        return plan;
    }

    List<Level> levels() {
        return levels;
    }

    private boolean add(StoreWrite write, ListIterator<StoreWrite> rest) {
        if (write instanceof StoreWrite.InsertTransaction w) {
            NewTransaction folded = fold(w, rest);
            UUID original = w.transaction().originalId();
            level(w.transaction().id(), original).inserts().add(folded);
        } else if (write instanceof StoreWrite.Transition w) {
            level(w.transactionId(), null).transitions().add(w);
        } else if (write instanceof StoreWrite.EnqueueSaf w) {
            level(w.item().transactionId(), null).enqueues().add(w.item());
        } else if (write instanceof StoreWrite.SafAttempt w) {
            level(w.transactionId(), null).attempts().add(w);
        } else if (write instanceof StoreWrite.SafAck w) {
            level(w.transactionId(), null).acks().add(w);
        } else {
            return false;
        }
        return true;
    }

    /** Consumes the transitions that directly follow the insert and continue its state. */
    private static NewTransaction fold(StoreWrite.InsertTransaction insert,
            ListIterator<StoreWrite> rest) {
        TransactionRecord row = insert.transaction();
        List<Change> history = new ArrayList<>();
        history.add(new Change(row.id(), 1, null, row.state(), insert.cause(),
                row.createdAt()));
        Instant updatedAt = row.createdAt();
        while (rest.hasNext()) {
            StoreWrite next = rest.next();
            if (!(next instanceof StoreWrite.Transition t) || !t.transactionId().equals(row.id())
                    || t.from() != row.state()) {
                // Not a continuation: planned on its own, where a wrong from-state conflicts.
                rest.previous();
                break;
            }
            row = row.after(t.to(), t.fields());
            updatedAt = t.at();
            history.add(new Change(row.id(), history.size() + 1, t.from(), t.to(), t.cause(),
                    t.at()));
        }
        return new NewTransaction(row, updatedAt, List.copyOf(history));
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
