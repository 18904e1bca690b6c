package io.caspian.store;

class H2TransactionStoreTest extends TransactionStoreContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
