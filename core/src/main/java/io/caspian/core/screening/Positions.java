package io.caspian.core.screening;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each scheme's settlement position in its own minor units: its prefunded amount, less what
 * its cardholders spend abroad (reserved when the request is forwarded, released if it is
 * not approved or is reversed). Approving past the net debit cap is refused in real time.
 * Written on the engine thread; readable from any thread (console, clearing).
 */
public final class Positions {
    private final Map<String, Long> positions = new ConcurrentHashMap<>();

    public void prefund(String scheme, long amountMinor) {
        positions.merge(scheme, amountMinor, Long::sum);
    }

    /**
     * Reserves an issuer-side debit; false when it would take the scheme below minus its
     * cap ({@code capMinor} negative: no cap).
     */
    public boolean reserve(String scheme, long amountMinor, long capMinor) {
        long now = positions.getOrDefault(scheme, 0L);
        if (capMinor >= 0 && now - amountMinor < -capMinor) {
            return false;
        }
        positions.put(scheme, now - amountMinor);
        return true;
    }

    public void release(String scheme, long amountMinor) {
        positions.merge(scheme, amountMinor, Long::sum);
    }

    public long position(String scheme) {
        return positions.getOrDefault(scheme, 0L);
    }
}
