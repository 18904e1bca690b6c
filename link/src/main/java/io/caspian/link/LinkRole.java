package io.caspian.link;

/** Whether Caspian listens for the scheme's connections or connects to the scheme. */
public enum LinkRole {
    LISTEN,
    CONNECT
}
