package io.caspian.app.hsm;

import io.caspian.app.CliException;
import io.caspian.hsm.FormedKey;
import io.caspian.hsm.HsmCommand.FormKey;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyComponent;
import io.caspian.hsm.KeyType;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.crypto.Secrets;
import java.io.Console;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caspian hsm key form}: a key ceremony's receiving side. Each custodian enters one
 * clear component with its check value; the HSM verifies each, XORs them and stores the key.
 * A component given as {@code -} is read from the console without echo, which keeps it out
 * of shell history and the process list.
 */
@Command(name = "form", mixinStandardHelpOptions = true,
        description = "Form a key from 2 or 3 clear components (key ceremony).")
final class KeyFormCommand extends KeyCommand.Base {
    @Option(names = "--id", required = true, description = "Key id to store it under.")
    String id;
    @Option(names = "--type", required = true, description = "${COMPLETION-CANDIDATES}")
    KeyType type;
    @Option(names = "--algorithm", required = true, description = "${COMPLETION-CANDIDATES}")
    KeyAlgorithm algorithm;
    @Option(names = "--usage", description = "X9.143 usage (default by type).")
    KeyUsage usage;
    @Option(names = "--component", required = true, paramLabel = "HEX:KCV",
            description = "A clear component and its check value, 2 or 3 times;"
                    + " '-' reads it from the console without echo.")
    List<String> components;
    @Option(names = "--kcv", description = "Expected check value of the formed key.")
    String kcv;

    @Override
    public void run() {
        if (components.size() < 2 || components.size() > 3) {
            throw new CliException("give --component 2 or 3 times, not " + components.size());
        }
        KeyUsage chosen = KeyCommand.usage(type, usage, algorithm);
        List<KeyComponent> parsed = new ArrayList<>();
        try {
            for (int i = 0; i < components.size(); i++) {
                parsed.add(component(i + 1, components.get(i)));
            }
            FormedKey formed = StoreOptions.run(options.open(),
                    new FormKey(id, chosen, algorithm, parsed, kcv));
            out().println(KeyFormat.line(formed.key()));
            out().println("kcv=" + formed.key().checkValue());
            if (formed.oddParityForced()) {
                out().println("odd parity forced on the formed TDES key"
                        + " (the check value does not depend on parity bits)");
            }
        } finally {
            // The HSM zeroes what it was given; this covers a failure before it ran.
            parsed.forEach(component -> Secrets.zero(component.value()));
        }
    }

    /** Parses HEX:KCV; no message ever echoes the component. */
    private static KeyComponent component(int number, String text) {
        String entry = text.equals("-") ? fromConsole(number) : text;
        int colon = entry.lastIndexOf(':');
        if (colon < 0) {
            throw new CliException("component " + number + " must be HEX:KCV (its check value"
                    + " after a colon)");
        }
        byte[] value = StoreOptions.hex("component " + number, entry.substring(0, colon));
        return new KeyComponent(value, entry.substring(colon + 1));
    }

    private static String fromConsole(int number) {
        Console console = System.console();
        if (console == null) {
            throw new CliException("component " + number + " is '-' but there is no console");
        }
        char[] typed = console.readPassword("component %d (HEX:KCV): ", number);
        if (typed == null) {
            throw new CliException("component " + number + ": nothing entered");
        }
        try {
            return new String(typed).strip();
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
