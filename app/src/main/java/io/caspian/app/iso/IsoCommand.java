package io.caspian.app.iso;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caspian iso}: inspect and build ISO 8583 messages of any dialect. */
@Command(name = "iso", mixinStandardHelpOptions = true,
        description = "Inspect and build ISO 8583 messages.",
        subcommands = {DialectsCommand.class, DecodeCommand.class, EncodeCommand.class})
public final class IsoCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
