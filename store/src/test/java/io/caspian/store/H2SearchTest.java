package io.caspian.store;

class H2SearchTest extends SearchContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
