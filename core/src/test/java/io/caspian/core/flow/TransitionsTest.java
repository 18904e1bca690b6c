package io.caspian.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.store.TransactionState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every (state, next state) pair against the one table, and the shape of the graph. */
class TransitionsTest {
    private static final Set<String> LEGAL = Set.of(
            "RECEIVED>ROUTED", "RECEIVED>DECLINED", "RECEIVED>REVERSAL_PENDING",
            "RECEIVED>ADVICE_PENDING",
            "ROUTED>SENT", "ROUTED>STOOD_IN", "ROUTED>DECLINED",
            "SENT>APPROVED", "SENT>DECLINED", "SENT>TIMED_OUT",
            "APPROVED>REVERSAL_PENDING", "TIMED_OUT>REVERSAL_PENDING", "TIMED_OUT>STOOD_IN",
            "REVERSAL_PENDING>REVERSED", "STOOD_IN>ADVICE_PENDING", "ADVICE_PENDING>ADVISED");

    @Test
    void everyPairIsLegalExactlyWhenTheTableSaysSo() {
        for (TransactionState from : TransactionState.values()) {
            for (TransactionState to : TransactionState.values()) {
                boolean legal = LEGAL.contains(from + ">" + to);
                assertThat(Transitions.allowed(from, to)).as("%s -> %s", from, to)
                        .isEqualTo(legal);
                if (!legal) {
                    assertThatThrownBy(() -> Transitions.check(from, to))
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(from + " -> " + to);
                }
            }
        }
    }

    /** The store's idempotent replay relies on no state being reachable twice. */
    @Test
    void theGraphHasNoCyclesAndEveryStateIsReachableFromReceived() {
        Set<TransactionState> seen = EnumSet.noneOf(TransactionState.class);
        Deque<TransactionState> todo = new ArrayDeque<>();
        todo.add(TransactionState.RECEIVED);
        while (!todo.isEmpty()) {
            TransactionState s = todo.removeFirst();
            seen.add(s);
            for (TransactionState next : TransactionState.values()) {
                if (Transitions.allowed(s, next)) {
                    assertThat(reaches(next, s)).as("cycle through %s -> %s", s, next)
                            .isFalse();
                    todo.add(next);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(TransactionState.values());
    }

    private static boolean reaches(TransactionState from, TransactionState target) {
        if (from == target) {
            return true;
        }
        for (TransactionState next : TransactionState.values()) {
            if (Transitions.allowed(from, next) && reaches(next, target)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void finalStatesAreTheStoresResolvedOnes() {
        for (TransactionState s : TransactionState.values()) {
            boolean terminal = EnumSet.allOf(TransactionState.class).stream()
                    .noneMatch(next -> Transitions.allowed(s, next));
            if (terminal) {
                assertThat(s.isResolved()).as("%s is final", s).isTrue();
            }
        }
    }
}
