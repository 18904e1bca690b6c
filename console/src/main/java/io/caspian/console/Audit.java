package io.caspian.console;

import io.caspian.store.AuditEntry;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionStore;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes operator actions to the store's audit trail ({@code audit_entry}) with who and
 * when, and waits until they are durable: an action is answered only once it is on record.
 */
final class Audit {
    private static final long WAIT_MS = 10_000;

    private final TransactionStore store;
    private final Clock clock;

    Audit(TransactionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void record(String operator, String action, String subject, String detail) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), clock.instant(), operator, action,
                subject, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
        try {
            store.submit(new StoreWrite.Audit(entry)).get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the audit entry", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("the audit trail could not be written, so " + action
                    + " was recorded nowhere: " + e.getMessage());
        }
    }

    /** The store cannot take the write: HTTP 503. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
