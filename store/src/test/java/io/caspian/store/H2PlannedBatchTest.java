package io.caspian.store;

class H2PlannedBatchTest extends PlannedBatchContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
