package io.caspian.app.bench;

import io.caspian.app.config.Settings;
import io.caspian.store.StoreConfig;

/**
 * The store the switch writes to: the demo configuration's embedded H2 under the bench's
 * directory, or a database URL; optionally other group commit settings.
 */
final class StoreChoice {
    /** The password of a {@code --store} URL comes from here, never from the command line. */
    static final String PASSWORD_VARIABLE = "CASPIAN_STORE_PASSWORD";

    private StoreChoice() {
    }

    static Settings apply(Settings s, BenchPlan plan) {
        StoreConfig store = s.store();
        if (!plan.store().equals("embedded")) {
            String password = System.getenv(PASSWORD_VARIABLE);
            store = StoreConfig.defaults(plan.store(), plan.storeUser(),
                    password == null ? "" : password).withGroupCommit(
                            store.groupCommitWindowMicros(), store.groupCommitBatchMax());
        }
        long window = plan.windowMicros() >= 0 ? plan.windowMicros()
                : store.groupCommitWindowMicros();
        int batch = plan.batchMax() > 0 ? plan.batchMax() : store.groupCommitBatchMax();
        store = store.withGroupCommit(window, batch);
        if (plan.journalFsync()) {
            store = store.withJournal(store.journalDir(), true);
        }
        return new Settings(s.switchSettings(), s.links(), store, s.hsmStore(), s.lmk(),
                s.panDataKey(), s.panHashKey(), s.ioThreads());
    }
}
