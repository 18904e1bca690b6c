package io.caspian.store;

class PostgresGroupCommitTest extends GroupCommitContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
