package io.caspian.app.clearing;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the store is: a configuration file, or the demo's directory. */
final class StoreOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: the store caspian demo left in --data).")
    Path config;

    @Option(names = "--data", defaultValue = "data/demo", paramLabel = "DIR",
            description = "The demo's directory, used without --config (default: "
                    + "${DEFAULT-VALUE}).")
    Path data;

    ClearingRun open() {
        return ClearingRun.open(config, data);
    }
}
