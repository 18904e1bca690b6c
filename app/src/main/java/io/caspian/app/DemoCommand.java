package io.caspian.app;

import io.caspian.iso8583.dialect.Dialects;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code caspian demo}: until the interlink lands, it says plainly what exists and shows the
 * codec at work on a sample message of each shipped dialect.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run two simulated schemes trading through the switch (not yet built: "
                + "shows what exists so far).")
public final class DemoCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Caspian demo");
        out.println();
        out.println("The interlink (links, routing, conversion, stand-in, reversals) is not built");
        out.println("yet, so there is no traffic to show. What exists today:");
        out.println();
        out.println("  ISO 8583 codec with dialects as data: " + String.join(", ", Dialects.BUILT_IN));
        out.println("    ./caspian iso dialects");
        out.println("    ./caspian iso decode --dialect iso87-ascii --hex FILE");
        out.println("    ./caspian iso encode --dialect mir --hex FILE.json");
        out.println();
        out.println("Sample messages to try are in iso8583/src/test/resources/golden/.");
        out.flush();
    }
}
