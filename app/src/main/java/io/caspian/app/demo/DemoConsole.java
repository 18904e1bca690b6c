package io.caspian.app.demo;

import io.caspian.console.ConsoleSettings;
import io.caspian.console.ConsoleUser;
import io.caspian.console.PasswordHashes;
import io.caspian.console.Role;
import java.security.SecureRandom;
import java.util.List;

/**
 * The demo's console: where it listens, and its one user, {@code demo}, an admin whose
 * password is new on every run unless given (tests).
 *
 * @param host address to bind
 * @param port TCP port; 0 picks a free one; negative: no console
 * @param password the demo user's password, or null for a random one
 * @param linger keep the switch and console up after the summary until Ctrl-C
 */
public record DemoConsole(String host, int port, String password, boolean linger) {
    public static final String USER = "demo";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    public boolean enabled() {
        return port >= 0;
    }

    /** The password this run uses. */
    String passwordOrRandom() {
        if (password != null) {
            return password;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    ConsoleSettings settings(String chosenPassword) {
        return new ConsoleSettings(host, port, ConsoleSettings.SESSION_TTL_MS_DEFAULT,
                List.of(new ConsoleUser(USER, Role.ADMIN,
                        PasswordHashes.hash(chosenPassword.toCharArray()))), true);
    }
}
