package io.caspian.core.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Longest-prefix routing over IIN ranges. Immutable: a reload builds a new router and the
 * switch swaps it in, so a lookup never sees half a reload.
 */
public final class Router {
    private final List<IinRange> ranges;

    public Router(List<IinRange> ranges) {
        this.ranges = ranges.stream()
                .sorted(Comparator.comparingInt((IinRange r) -> r.prefix().length()).reversed())
                .toList();
    }

    /** The scheme of the longest prefix that matches the PAN, or empty. */
    public Optional<String> issuerOf(String pan) {
        for (IinRange r : ranges) {
            if (pan.startsWith(r.prefix())) {
                return Optional.of(r.scheme());
            }
        }
        return Optional.empty();
    }

    public List<IinRange> ranges() {
        return ranges;
    }
}
