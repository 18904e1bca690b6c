package io.caspian.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Makes submissions durable: {@link GroupCommitter} by committing them to the database,
 * {@link JournalCommitter} by appending them to a write-ahead journal that a loader brings
 * into the database behind it.
 */
interface Committer extends AutoCloseable {

    /** Completes once the writes are durable, or exceptionally with a StoreException. */
    CompletableFuture<Void> submit(List<StoreWrite> writes);

    /**
     * Returns once every submission completed before the call is in the tables, so that a
     * query sees what its caller was told is durable.
     */
    void awaitLoaded();

    int queueDepth();

    /** Submissions durable in the journal and not yet in the tables; 0 without a journal. */
    default long loadBacklog() {
        return 0;
    }

    /** Journaled submissions the database refused when loading them (a flow bug). */
    default long lateFailures() {
        return 0;
    }

    long uncaughtFailures();

    boolean isAlive();

    @Override
    void close();
}
