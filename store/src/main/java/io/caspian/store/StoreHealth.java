package io.caspian.store;

import java.time.Instant;

/**
 * Whether the store can commit, as last seen by the committer.
 *
 * @param status {@link Status#DOWN} from the first failed commit or probe until the next
 *     success
 * @param since when the status last changed
 * @param lastError the last database failure, one line, or null
 * @param queueDepth submissions waiting for the committer
 * @param committed submissions committed since start
 * @param failed submissions failed since start, for any reason
 * @param commits database commits since start; {@code committed / commits} is the mean
 *     group-commit batch
 */
public record StoreHealth(Status status, Instant since, String lastError, int queueDepth,
        long committed, long failed, long commits) {

    /** Up or down, for {@code /health}. */
    public enum Status {
        UP,
        DOWN
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
