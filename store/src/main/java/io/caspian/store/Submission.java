package io.caspian.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One caller's writes, committed together, and the future the caller waits on. */
record Submission(List<StoreWrite> writes, CompletableFuture<Void> future) {
}
