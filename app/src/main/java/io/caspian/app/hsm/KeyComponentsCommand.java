package io.caspian.app.hsm;

import io.caspian.hsm.HsmCommand.SplitKey;
import io.caspian.hsm.KeyComponent;
import io.caspian.hsm.KeyComponents;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.Secrets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caspian hsm key components}: a key ceremony's sending side. Splits an exportable
 * ZMK into clear components for the other party's custodians, who enter them with
 * {@code caspian hsm key form}.
 */
@Command(name = "components", mixinStandardHelpOptions = true,
        description = "Split an exportable ZMK into 2 or 3 clear components (key ceremony).")
final class KeyComponentsCommand extends KeyCommand.Base {
    @Option(names = "--key", required = true, description = "ZMK (ID or ID@vN).")
    String key;
    @Option(names = "--count", defaultValue = "2",
            description = "Number of components, 2 or 3; default ${DEFAULT-VALUE}.")
    int count;

    @Override
    public void run() {
        KeyComponents split = StoreOptions.run(options.open(),
                new SplitKey(StoreOptions.keyRef(key), count));
        List<KeyComponent> components = split.components();
        try {
            spec.commandLine().getErr().println("caspian: WARNING: the components below are"
                    + " clear key material, for a key ceremony only: give each to a different"
                    + " custodian; never store, send or keep them together");
            for (int i = 0; i < components.size(); i++) {
                out().println("component " + (i + 1) + " " + Hex.encode(components.get(i)
                        .value()) + " kcv=" + components.get(i).checkValue());
            }
            out().println(KeyFormat.line(split.key()));
        } finally {
            components.forEach(component -> Secrets.zero(component.value()));
        }
    }
}
