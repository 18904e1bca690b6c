package io.caspian.app.hsm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caspian hsm}: the software HSM's key store, PIN and MAC commands. */
@Command(name = "hsm", mixinStandardHelpOptions = true,
        description = "Software HSM: LMK, keys, key check values, PIN blocks and MACs.",
        subcommands = {LmkCommand.class, KeyCommand.class, KcvCommand.class, PinCommand.class,
            MacCommand.class})
public final class HsmCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
