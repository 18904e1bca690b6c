package io.caspian.clearing;

import io.caspian.store.ClearingRows.PositionRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates settlement positions from clearing records. Per record, with sign s,
 * acquirer amount a, issuer amount i, interchange f and switch fee w:
 *
 * <pre>
 * issuer   : transactions -s·i (issuer ccy)   interchange +f (fee ccy)
 * acquirer : transactions +s·a (acquirer ccy) interchange -f, switch fee -w (fee ccy)
 * caspian  : transactions +s·i, -s·a          switch fee +w
 * </pre>
 *
 * Every currency's column sums to zero record by record.
 */
final class Positions {
    /** Participant and currency. */
    private record Key(String participant, int currency) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = participant.compareTo(o.participant);
            return c != 0 ? c : Integer.compare(currency, o.currency);
        }
    }

    private static final class Sums {
        int exponent;
        long transactions;
        long interchange;
        long switchFee;
    }

    private final Map<Key, Sums> sums = new TreeMap<>();

    void add(ClearingEntry e) {
        long i = e.sign() * e.issuerAmount().minor();
        long a = e.sign() * e.acquirerAmount().minor();
        int ci = e.issuerAmount().currency();
        int ca = e.acquirerAmount().currency();
        int ei = e.issuerAmount().exponent();
        int ea = e.acquirerAmount().exponent();
        sums(e.issuer(), ci, ei).transactions -= i;
        sums(e.issuer(), e.feeCurrency(), ea).interchange += e.interchangeMinor();
        sums(e.acquirer(), ca, ea).transactions += a;
        sums(e.acquirer(), e.feeCurrency(), ea).interchange -= e.interchangeMinor();
        sums(e.acquirer(), e.feeCurrency(), ea).switchFee -= e.switchFeeMinor();
        sums(SettlementService.SWITCH, ci, ei).transactions += i;
        sums(SettlementService.SWITCH, ca, ea).transactions -= a;
        sums(SettlementService.SWITCH, e.feeCurrency(), ea).switchFee += e.switchFeeMinor();
    }

    private Sums sums(String participant, int currency, int exponent) {
        Sums s = sums.computeIfAbsent(new Key(participant, currency), k -> new Sums());
        s.exponent = exponent;
        return s;
    }

    /** Each participant in the currencies it dealt in. */
    List<PositionRow> ownCurrencies(LocalDate date, Instant at) {
        List<PositionRow> rows = new ArrayList<>();
        sums.forEach((k, s) -> rows.add(new PositionRow(date, k.participant(), k.currency(),
                s.exponent, s.transactions, s.interchange, s.switchFee,
                s.transactions + s.interchange + s.switchFee, at)));
        return rows;
    }

    /**
     * Everything converted into one currency at the day's rates, each component rounded
     * half up; Caspian's transactions component balances the others (its FX margin and the
     * rounding), so the total is exactly zero.
     */
    List<PositionRow> inSettlementCurrency(LocalDate date, Instant at,
            ClearingSettings.Settlement settlement) {
        Map<String, long[]> byParticipant = new TreeMap<>();
        sums.forEach((k, s) -> {
            long[] p = byParticipant.computeIfAbsent(k.participant(), x -> new long[3]);
            p[0] += convert(s.transactions, k.currency(), s.exponent, settlement);
            p[1] += convert(s.interchange, k.currency(), s.exponent, settlement);
            p[2] += convert(s.switchFee, k.currency(), s.exponent, settlement);
        });
        long others = 0;
        for (Map.Entry<String, long[]> e : byParticipant.entrySet()) {
            if (!e.getKey().equals(SettlementService.SWITCH)) {
                long[] p = e.getValue();
                others += p[0] + p[1] + p[2];
            }
        }
        long[] caspian = byParticipant.computeIfAbsent(SettlementService.SWITCH,
                x -> new long[3]);
        caspian[0] = -others - caspian[1] - caspian[2];
        List<PositionRow> rows = new ArrayList<>();
        byParticipant.forEach((participant, p) -> rows.add(new PositionRow(date, participant,
                settlement.currency(), settlement.exponent(), p[0], p[1], p[2],
                p[0] + p[1] + p[2], at)));
        return rows;
    }

    private static long convert(long minor, int currency, int exponent,
            ClearingSettings.Settlement settlement) {
        if (currency == settlement.currency()) {
            return minor;
        }
        BigDecimal rate = settlement.ratesToSettlement().get(currency);
        if (rate == null) {
            throw new ClearingException("no settlement rate from currency " + currency
                    + " to " + settlement.currencyAlpha());
        }
        return BigDecimal.valueOf(minor, exponent).multiply(rate)
                .setScale(settlement.exponent(), RoundingMode.HALF_UP).unscaledValue()
                .longValueExact();
    }
}
