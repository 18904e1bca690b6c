package io.caspian.iso8583.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The dialects Caspian ships, loaded from its own resources, and lookup by name or path. */
public final class Dialects {
    /** Names of the shipped dialects, in the order {@code caspian iso dialects} lists them. */
    public static final List<String> BUILT_IN = List.of("iso87-ascii", "iso87-binary", "mir",
            "shetab");

    private static final Map<String, Dialect> CACHE = new ConcurrentHashMap<>();

    private Dialects() {
    }

    /** A shipped dialect by name. */
    public static Dialect builtIn(String name) throws DialectException {
        Dialect cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        String resource = "/dialects/" + name + ".yaml";
        if (!BUILT_IN.contains(name)) {
            throw new DialectException(name, 0, "no such dialect; built in are "
                    + String.join(", ", BUILT_IN) + ", or give a path to a dialect file");
        }
        try (InputStream in = Dialects.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DialectException(resource, 0, "missing from the build");
            }
            Dialect d = DialectLoader.load(in, resource);
            if (!d.name().equals(name)) {
                throw new DialectException(resource, 0, "declares name " + d.name());
            }
            CACHE.put(name, d);
            return d;
        } catch (IOException e) {
            throw new DialectException(resource, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * A dialect by name (shipped) or by path (anything with a slash or ending in .yaml/.yml
     * or .json).
     */
    public static Dialect resolve(String nameOrPath) throws DialectException {
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        boolean looksLikePath = nameOrPath.contains("/") || nameOrPath.endsWith(".yaml")
                || nameOrPath.endsWith(".yml") || nameOrPath.endsWith(".json");
        if (looksLikePath) {
            return DialectLoader.load(Path.of(nameOrPath));
        }
        return builtIn(nameOrPath);
    }
}
