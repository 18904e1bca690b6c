package io.caspian.console;

/** Reloads routes, rates, screening lists and limits from the configuration. */
@FunctionalInterface
public interface Reloader {
    /**
     * Reloads and waits for the engine to take it.
     *
     * @return null when reloaded, else why not, one line
     */
    String reload();
}
