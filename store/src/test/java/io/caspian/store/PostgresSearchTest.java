package io.caspian.store;

class PostgresSearchTest extends SearchContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
