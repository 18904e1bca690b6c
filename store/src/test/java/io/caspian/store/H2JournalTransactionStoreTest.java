package io.caspian.store;

/** The store's contract, kept by the embedded default: H2 behind the write-ahead journal. */
class H2JournalTransactionStoreTest extends TransactionStoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2WithJournal();
    }
}
