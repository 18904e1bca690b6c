package io.caspian.console;

/** What a console user may do; each role includes the ones before it. */
public enum Role {
    /** Reads everything but the audit trail and the user list. */
    VIEWER,
    /** Also signs links on and off, sends echoes, reloads, cuts over business dates. */
    OPERATOR,
    /** Also reads the audit trail and the user list. */
    ADMIN;

    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** {@code viewer}, {@code operator} or {@code admin}, in any case. */
    public static Role parse(String name) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role '" + name
                + "' is not one of viewer, operator, admin");
    }
}
