package io.caspian.sim.issuer;

import io.caspian.sim.wire.OriginalKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An issuer's append-only ledger: entries are only added, and every total is derived from
 * them, so "balance = opening - net debits" holds by construction and tests check it.
 * Thread-safe.
 */
public final class Ledger {
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<Integer, Long> netDebitsByCurrency = new HashMap<>();
    private long sequence;

    synchronized LedgerEntry append(Instant at, String pan, EntryKind kind, long amountMinor,
            int currency, OriginalKey key, String rrn) {
        LedgerEntry e = new LedgerEntry(++sequence, at, pan, kind, amountMinor, currency, key,
                rrn);
        entries.add(e);
        netDebitsByCurrency.merge(currency, e.netDebitMinor(), Long::sum);
        return e;
    }

    /** Every entry, oldest first (a copy). */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    /**
     * Debits minus credits, reversals taken into account, over all currencies (an issuer
     * keeps accounts in one currency, so this is that currency's figure).
     */
    public synchronized long netDebitsMinor() {
        long sum = 0;
        for (long v : netDebitsByCurrency.values()) {
            sum += v;
        }
        return sum;
    }

    /** Net debits in one currency; 0 when the ledger has none in it. */
    public synchronized long netDebitsMinor(int currency) {
        return netDebitsByCurrency.getOrDefault(currency, 0L);
    }

    /** Net debits per currency (a copy). */
    public synchronized Map<Integer, Long> netDebitsByCurrency() {
        return Map.copyOf(netDebitsByCurrency);
    }

    /** Net debits of one account. */
    public synchronized long netDebitsMinor(String pan) {
        long sum = 0;
        for (LedgerEntry e : entries) {
            if (e.pan().equals(pan)) {
                sum += e.netDebitMinor();
            }
        }
        return sum;
    }

    /** How many entries of a kind. */
    public synchronized long count(EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }

    /** The sum of the entries of one kind. */
    public synchronized long totalMinor(EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind)
                .mapToLong(LedgerEntry::amountMinor).sum();
    }
}
