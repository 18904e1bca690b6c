package io.caspian.link;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one connection, and of a link as a whole: a link is in the highest state any
 * of its connections is in (SIGNED_ON if one is signed on, else CONNECTED if one is up).
 * Because each connection moves one edge at a time, the link's state follows the same edges.
 *
 * <pre>
 *   DISCONNECTED --tcp up--> CONNECTED --sign-on approved / signOnRequired=false--> SIGNED_ON
 *        ^                     |    ^                                                  |
 *        |                     |    +------- sign-off (0800 002, either side) ---------+
 *        +----- tcp down ------+<----------------------- tcp down --------------------+
 * </pre>
 */
public enum LinkState {
    DISCONNECTED,
    CONNECTED,
    SIGNED_ON;

    private static final Map<LinkState, Set<LinkState>> EDGES = Map.of(
            DISCONNECTED, EnumSet.of(CONNECTED),
            CONNECTED, EnumSet.of(SIGNED_ON, DISCONNECTED),
            SIGNED_ON, EnumSet.of(CONNECTED, DISCONNECTED));

    /** Whether {@code next} may follow this state (the table above, and nothing else). */
    public boolean canMoveTo(LinkState next) {
        return EDGES.get(this).contains(next);
    }
}
