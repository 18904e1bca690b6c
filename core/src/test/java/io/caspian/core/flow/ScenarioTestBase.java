package io.caspian.core.flow;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's working directory and harness, closed after each test. */
abstract class ScenarioTestBase {
    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void closeHarness() {
        if (h != null) {
            h.close();
        }
    }
}
