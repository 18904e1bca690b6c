package io.caspian.app.config;

/** A configuration that cannot be used: {@code file: path.of.key: why}, one line. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String source, String path, String reason) {
        super(source + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    }
}
