package io.caspian.app.clearing;

import io.caspian.clearing.BusinessDates;
import io.caspian.clearing.ClearingException;
import io.caspian.console.ClearingPort;
import io.caspian.store.ClearingLedger;
import io.caspian.store.ClearingRows.BusinessDateRow;
import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's view of clearing: each scheme's business date, cut-over by an operator and
 * the settlement positions of a settled date, read from the store clearing writes.
 */
public final class ConsoleClearing implements ClearingPort {
    private final BusinessDates dates;
    private final ClearingLedger ledger;
    private final List<String> schemes;

    public ConsoleClearing(BusinessDates dates, ClearingLedger ledger, List<String> schemes) {
        this.dates = dates;
        this.ledger = ledger;
        this.schemes = List.copyOf(schemes);
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public List<BusinessDate> businessDates() {
        List<BusinessDate> out = new ArrayList<>();
        for (String scheme : schemes) {
            LocalDate current = dates.current(scheme);
            String opened = ledger.businessDates(scheme).stream()
                    .filter(r -> r.businessDate().equals(current)).findFirst()
                    .map(BusinessDateRow::openedAt).map(String::valueOf).orElse(null);
            out.add(new BusinessDate(scheme, current, opened));
        }
        return out;
    }

    @Override
    public String cutOver(String scheme, String operator) {
        if (!schemes.contains(scheme)) {
            return "no scheme '" + scheme + "'; known: " + schemes;
        }
        try {
            dates.cutOver(scheme, operator, "console");
            return null;
        } catch (ClearingException | StoreException e) {
            return e.getMessage();
        }
    }

    @Override
    public Map<String, Object> settlement(LocalDate businessDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("available", true);
        body.put("businessDate", businessDate.toString());
        List<PositionRow> rows = ledger.settlement(businessDate);
        body.put("settled", !rows.isEmpty());
        if (rows.isEmpty()) {
            body.put("note", "not settled yet: caspian settle --date " + businessDate
                    + " (after that scheme's cut-over and clearing)");
            return body;
        }
        body.put("settledAt", String.valueOf(rows.get(0).settledAt()));
        List<Map<String, Object>> positions = new ArrayList<>();
        Map<Integer, Long> net = new TreeMap<>();
        for (PositionRow p : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("participant", p.participant());
            row.put("currency", p.currency());
            row.put("exponent", p.exponent());
            row.put("transactionsMinor", p.transactionsMinor());
            row.put("interchangeMinor", p.interchangeMinor());
            row.put("switchFeeMinor", p.switchFeeMinor());
            row.put("netMinor", p.netMinor());
            positions.add(row);
            net.merge(p.currency(), p.netMinor(), Long::sum);
        }
        body.put("positions", positions);
        body.put("netsToZero", net.values().stream().allMatch(v -> v == 0));
        return body;
    }
}
