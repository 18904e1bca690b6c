package io.caspian.store;

class PostgresTransactionStoreTest extends TransactionStoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
