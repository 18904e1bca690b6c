package io.caspian.store;

import io.caspian.store.pan.PanHash;

/**
 * One card's standing debits towards one issuing scheme over a span of time, in the
 * issuer's currency, split by whether the switch stood in for them: what the velocity
 * limits and the stand-in limits count again after a restart.
 */
public record CardUsage(PanHash panHash, boolean stoodIn, long count, long amountMinor) {
}
