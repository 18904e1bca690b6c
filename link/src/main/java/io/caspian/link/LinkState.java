package io.caspian.link;

/**
 * The state of a link (all its connections together).
 *
 * <pre>
 *   DISCONNECTED --tcp up--> CONNECTED --0810 sign-on approved / signOnRequired=false--> SIGNED_ON
 *        ^                       |                                                          |
 *        +------- tcp down ------+<------------- sign-off (0800 002) or tcp down ------------+
 * </pre>
 */
public enum LinkState {
    DISCONNECTED,
    CONNECTED,
    SIGNED_ON
}
