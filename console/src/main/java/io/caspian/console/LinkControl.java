package io.caspian.console;

/**
 * One scheme link as the console sees it; {@code app} adapts its links to this, so the
 * console needs no network code.
 */
public interface LinkControl {

    /** The link's counters since start. */
    record Counters(long messagesIn, long messagesOut, long formatErrors, long brokenFrames,
            long refusedSends, long connects, long disconnects, long echoTimeouts,
            long lastEchoEpochMs) {
    }

    /** The scheme id, e.g. {@code mir}. */
    String name();

    /** The link state's name, e.g. {@code SIGNED_ON}. */
    String state();

    /** Whether requests can go out on it now. */
    boolean signedOn();

    Counters counters();

    /** Sends a sign-on; returns the send result's name, e.g. {@code SENT}. */
    String signOn();

    /** Sends a sign-off and stays signed off until a sign-on; returns the result. */
    String signOff();

    /** Sends an echo test; returns the result. */
    String echo();
}
