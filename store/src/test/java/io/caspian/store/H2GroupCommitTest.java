package io.caspian.store;

class H2GroupCommitTest extends GroupCommitContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
