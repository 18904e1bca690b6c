package io.caspian.sim.fault;

/** What happens to one answer. */
public sealed interface FaultPlan {

    /** Answered after {@code delayMs}. */
    record Answer(long delayMs) implements FaultPlan {
    }

    /** Answered after {@code delayMs}, beyond the switch's patience. */
    record Late(long delayMs) implements FaultPlan {
    }

    /** Processed, answer lost. */
    record Drop() implements FaultPlan {
    }

    /** Processed, garbage sent instead of the answer. */
    record Garbage() implements FaultPlan {
    }

    /** Processed, then the connection drops for {@code downMs}. */
    record Disconnect(long downMs) implements FaultPlan {
    }

    /** Not processed, not answered: the host is down. */
    record Unavailable() implements FaultPlan {
    }
}
