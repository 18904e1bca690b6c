package io.caspian.app.iso;

import io.caspian.app.CliException;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caspian iso dialects}: the shipped dialects, each loaded and validated. */
@Command(name = "dialects", mixinStandardHelpOptions = true,
        description = "List the shipped dialects.")
public final class DialectsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-14s %-5s %-7s %-7s %s%n", "NAME", "ISO", "MTI", "BITMAP", "DESCRIPTION");
        for (String name : Dialects.BUILT_IN) {
            try {
                Dialect d = Dialects.builtIn(name);
                out.printf("%-14s %-5d %-7s %-7s %s%n", d.name(), d.isoVersion().year(),
                        d.mtiEncoding().code(), d.bitmapEncoding().code(), d.description());
            } catch (DialectException e) {
                throw new CliException(e.getMessage());
            }
        }
        out.flush();
    }
}
