package io.caspian.store;

class PostgresPlannedBatchTest extends PlannedBatchContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
