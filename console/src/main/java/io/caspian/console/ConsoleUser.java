package io.caspian.console;

import java.util.Objects;

/**
 * A console user.
 *
 * @param name the login name, also what the audit trail records
 * @param role what the user may do
 * @param passwordHash {@link PasswordHashes} form; never the password itself
 */
public record ConsoleUser(String name, Role role, String passwordHash) {
    public ConsoleUser {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("user name '" + name
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Objects.requireNonNull(role, "role");
        PasswordHashes.requireWellFormed(passwordHash);
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + name + " " + role + "]";
    }
}
