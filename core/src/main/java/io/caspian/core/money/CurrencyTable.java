package io.caspian.core.money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Currencies with effective dates, so a currency's exponent or a new unit (Iran's
 * redenomination: 1 new unit = 10,000 rials) can be carried through a transition without
 * code changes. The entry in force on a date is the latest whose effective date is not after
 * it.
 */
public final class CurrencyTable {
    private final List<Entry> entries;

    /** One currency definition in force from {@code effectiveFrom}. */
    public record Entry(Currency currency, LocalDate effectiveFrom) {
    }

    public CurrencyTable(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::effectiveFrom));
        this.entries = List.copyOf(sorted);
    }

    /** Standard table: RUB 643/2, IRR 364/0 (as Shetab carries it), USD 840/2, EUR 978/2. */
    public static CurrencyTable standard() {
        LocalDate always = LocalDate.of(2000, 1, 1);
        return new CurrencyTable(List.of(
                new Entry(new Currency("RUB", 643, 2), always),
                new Entry(new Currency("IRR", 364, 0), always),
                new Entry(new Currency("USD", 840, 2), always),
                new Entry(new Currency("EUR", 978, 2), always)));
    }

    public Optional<Currency> byNumeric(int numeric, LocalDate on) {
        Currency found = null;
        for (Entry e : entries) {
            if (e.currency().numeric() == numeric && !e.effectiveFrom().isAfter(on)) {
                found = e.currency();
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<Currency> byAlpha(String alpha, LocalDate on) {
        Currency found = null;
        for (Entry e : entries) {
            if (e.currency().alpha().equals(alpha) && !e.effectiveFrom().isAfter(on)) {
                found = e.currency();
            }
        }
        return Optional.ofNullable(found);
    }
}
