package io.caspian.core.txn;

import io.caspian.store.Channel;

/**
 * Where the card was used: terminal (DE 41), merchant (DE 42), category (DE 18), name and
 * location (DE 43) and channel.
 */
public record CardAcceptor(String terminalId, String merchantId, String mcc, String name,
        String city, String country, Channel channel) {
}
