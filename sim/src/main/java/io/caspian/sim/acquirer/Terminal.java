package io.caspian.sim.acquirer;

import java.util.Objects;

/**
 * One terminal of the acquirer.
 *
 * @param id DE 41, 8 characters
 * @param type POS, ATM or ECOM
 * @param merchantId DE 42, up to 15 characters
 * @param name card acceptor name (DE 43)
 * @param city card acceptor city (DE 43)
 * @param country ISO 3166 alpha-2 (DE 43)
 */
public record Terminal(String id, TerminalType type, String merchantId, String name,
        String city, String country) {
    public Terminal {
        if (id == null || id.length() != 8) {
            throw new IllegalArgumentException("terminal id is 8 characters");
        }
        Objects.requireNonNull(type, "type");
        if (merchantId == null || merchantId.isEmpty() || merchantId.length() > 15) {
            throw new IllegalArgumentException("merchant id is 1..15 characters");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(city, "city");
        if (country == null || country.length() != 2) {
            throw new IllegalArgumentException("country is ISO 3166 alpha-2");
        }
    }
}
