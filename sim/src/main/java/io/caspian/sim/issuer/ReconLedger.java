package io.caspian.sim.issuer;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.wire.OriginalKey;
import io.caspian.sim.wire.WireModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The issuer's side of reconciliation at cut-over (0500 / 2520 from Caspian): it totals
 * what it booked since its last reconciliation that was in balance, compares with
 * Caspian's totals, and answers (0510 / 2530) with DE 66 = 1 (in balance) or 2 (out of
 * balance) and its own totals in DE 74-77, 86-89 and 97. A booking fully reversed within
 * the period counts on neither side (see {@link #open()}). In balance, those bookings are
 * reconciled and the next exchange starts after them; out of balance, they stay open.
 *
 * <p>For demonstrations a booking can be "lost" ({@link #lose}): the host leaves it out of
 * its totals and its booking list, as a scheme's back office that missed one would.
 */
final class ReconLedger {
    private static final String[] ECHO = {"7", "11", "15", "50"};

    private final WireModel model;
    private final Ledger ledger;
    private final Set<Long> lost = new HashSet<>();
    private long reconciledUpTo;

    ReconLedger(WireModel model, Ledger ledger) {
        this.model = model;
        this.ledger = ledger;
    }

    void lose(long sequence) {
        lost.add(sequence);
    }

    /**
     * What the host booked since its last balanced reconciliation, lost ones left out, and
     * without the bookings a full reversal in the same period cancelled (nor that reversal):
     * those moved no money, and Caspian's clearing does not carry them either.
     */
    List<LedgerEntry> open() {
        Map<Long, LedgerEntry> out = new LinkedHashMap<>();
        Map<OriginalKey, LedgerEntry> originals = new HashMap<>();
        for (LedgerEntry e : ledger.entries()) {
            if (e.sequence() <= reconciledUpTo || lost.contains(e.sequence())) {
                continue;
            }
            boolean reversal = e.kind() == EntryKind.DEBIT_REVERSAL
                    || e.kind() == EntryKind.CREDIT_REVERSAL;
            LedgerEntry original = reversal ? originals.remove(e.key()) : null;
            if (original != null && original.amountMinor() == e.amountMinor()) {
                out.remove(original.sequence());
                continue;
            }
            if (!reversal) {
                originals.put(e.key(), e);
            }
            out.put(e.sequence(), e);
        }
        return new ArrayList<>(out.values());
    }

    /** The last entry of the ledger (counted or not), 0 when it is empty. */
    private long lastSequence() {
        List<LedgerEntry> all = ledger.entries();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }

    IsoMessage answer(IsoMessage request, int currency) {
        List<LedgerEntry> open = open();
        long[] t = new long[8];
        for (LedgerEntry e : open) {
            int i = e.kind().ordinal() * 2;
            t[i]++;
            t[i + 1] += e.amountMinor();
        }
        IsoMessage r = model.newMessage(WireModel.kind(request) + 10);
        for (String f : ECHO) {
            int n = Integer.parseInt(f);
            if (request.has(n)) {
                CodecFailure failure = r.copyFrom(request, n);
                if (failure != null) {
                    throw new IllegalStateException("echo of our own dialect: " + failure);
                }
            }
        }
        r.set(50, pad(currency, 3));
        // EntryKind order: DEBIT, CREDIT, DEBIT_REVERSAL, CREDIT_REVERSAL.
        r.set(76, pad(t[0], 10));
        r.set(88, pad(t[1], 16));
        r.set(74, pad(t[2], 10));
        r.set(86, pad(t[3], 16));
        r.set(77, pad(t[4], 10));
        r.set(89, pad(t[5], 16));
        r.set(75, pad(t[6], 10));
        r.set(87, pad(t[7], 16));
        long net = t[1] - t[3] - t[5] + t[7];
        r.set(97, (net >= 0 ? "D" : "C") + pad(Math.abs(net), 16));
        boolean balanced = currency == number(request, 50);
        for (int f : new int[] {74, 75, 76, 77, 86, 87, 88, 89}) {
            balanced &= number(request, f) == number(r, f);
        }
        r.set(66, balanced ? "1" : "2");
        if (balanced) {
            reconciledUpTo = lastSequence();
        }
        return r;
    }

    private static long number(IsoMessage m, int field) {
        return m.has(field) ? Long.parseLong(m.getString(field).trim()) : -1;
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
