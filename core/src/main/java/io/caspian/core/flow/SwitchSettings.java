package io.caspian.core.flow;

import io.caspian.core.conversion.RateTable;
import io.caspian.core.money.CurrencyTable;
import io.caspian.core.routing.Router;
import java.util.Map;

/**
 * The switch's settings, validated by whoever builds them (the app's config loader).
 *
 * @param schemes scheme id to its settings
 * @param router IIN routing
 * @param rates conversion rates and markups
 * @param currencies currency table
 * @param duplicateWindowMs how long a request's acquirer keys are remembered
 * @param safRetryMs interval between sends of an unacknowledged reversal or advice
 * @param inFlightMax requests in the switch at once, queued for the engine or being
 *     handled, before new ones are declined
 * @param queueWaitMaxMs longest a new request may wait for the engine; one that waited
 *     longer is declined unprocessed (the switch is behind: its acquirer gives up soon)
 */
public record SwitchSettings(Map<String, SchemeSettings> schemes, Router router,
        RateTable rates, CurrencyTable currencies, long duplicateWindowMs, long safRetryMs,
        int inFlightMax, long queueWaitMaxMs) {

    /** The default of {@link #queueWaitMaxMs}. */
    public static final long QUEUE_WAIT_MAX_MS_DEFAULT = 1_000;

    public SwitchSettings {
        schemes = Map.copyOf(schemes);
    }

    public SchemeSettings scheme(String id) {
        return schemes.get(id);
    }
}
