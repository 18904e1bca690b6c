package io.caspian.clearing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Caspian clearing file, version 1 (docs/clearing.md): UTF-8 text, one record per line
 * ending in LF, fields separated by {@code |}, none of which can contain {@code |}.
 *
 * <pre>
 * H|CASPIAN-CLEARING|1|scheme|business date|created at|file name
 * D|seq|kind|role|item id|original id|txn date|acquirer|issuer|channel|type|DE3|MCC|PAN|
 *   STAN|RRN|auth|stand-in|D/C|acq amount|acq ccy|acq exp|iss amount|iss ccy|iss exp|rate|
 *   interchange|switch fee|fee ccy|reason            (one line per record)
 * C|currency|exponent|count|debits|credits|net|interchange|switch fees   (one per currency)
 * T|records|debit records|credit records
 * </pre>
 */
final class ClearingFileFormat {
    static final String VERSION = "1";

    private ClearingFileFormat() {
    }

    /** The file's bytes; the same entries, scheme, date and time give the same bytes. */
    static byte[] render(String scheme, LocalDate date, Instant createdAt, String fileName,
            List<ClearingEntry> entries) {
        StringBuilder out = new StringBuilder(256 + entries.size() * 256);
        line(out, "H", "CASPIAN-CLEARING", VERSION, scheme, date.toString(),
                DateTimeFormatter.ISO_INSTANT.format(createdAt), fileName);
        int seq = 0;
        long debits = 0;
        for (ClearingEntry e : entries) {
            seq++;
            record(out, scheme, seq, e);
            debits += e.sign() > 0 ? 1 : 0;
        }
        for (CurrencyTotals t : totals(scheme, entries).values()) {
            line(out, "C", Integer.toString(t.currency()), Integer.toString(t.exponent()),
                    Long.toString(t.count()), Long.toString(t.debitMinor()),
                    Long.toString(t.creditMinor()), Long.toString(t.netMinor()),
                    Long.toString(t.interchangeMinor()), Long.toString(t.switchFeeMinor()));
        }
        line(out, "T", Integer.toString(seq), Long.toString(debits),
                Long.toString(seq - debits));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Totals per currency from {@code scheme}'s side, by currency code. */
    static Map<Integer, CurrencyTotals> totals(String scheme, List<ClearingEntry> entries) {
        Map<Integer, CurrencyTotals> totals = new TreeMap<>();
        for (ClearingEntry e : entries) {
            var amount = e.amountFor(scheme);
            totals.computeIfAbsent(amount.currency(),
                    c -> new CurrencyTotals(c, amount.exponent(), 0, 0, 0, 0, 0));
            totals.put(amount.currency(), totals.get(amount.currency())
                    .plusAmount(e.sign() * amount.minor(), amount.exponent()));
            int fc = e.feeCurrency();
            totals.computeIfAbsent(fc, c -> new CurrencyTotals(c, e.acquirerAmount().exponent(),
                    0, 0, 0, 0, 0));
            totals.put(fc, totals.get(fc).plusFees(e.interchangeMinor(), e.switchFeeMinor()));
        }
        return totals;
    }

    private static void record(StringBuilder out, String scheme, int seq, ClearingEntry e) {
        List<String> f = new ArrayList<>(32);
        f.add("D");
        f.add(Integer.toString(seq));
        f.add(e.kind().name());
        f.add(scheme.equals(e.acquirer()) ? "ACQ" : "ISS");
        f.add(e.itemId().toString());
        f.add(e.originalId() == null ? "" : e.originalId().toString());
        f.add(e.transactionDate().toString());
        f.add(e.acquirer());
        f.add(e.issuer());
        f.add(e.channel().name());
        f.add(e.type().name());
        f.add(e.processingCode());
        f.add(text(e.merchantCategoryCode()));
        f.add(e.maskedPan());
        f.add(text(e.stan()));
        f.add(text(e.rrn()));
        f.add(text(e.authCode()));
        f.add(e.stoodIn() ? "Y" : "N");
        f.add(e.sign() > 0 ? "D" : "C");
        amount(f, e.acquirerAmount());
        amount(f, e.issuerAmount());
        f.add(rate(e.rate()));
        f.add(Long.toString(e.interchangeMinor()));
        f.add(Long.toString(e.switchFeeMinor()));
        f.add(Integer.toString(e.feeCurrency()));
        f.add(text(e.reasonCode()));
        line(out, f.toArray(new String[0]));
    }

    private static void amount(List<String> f, io.caspian.store.Amount a) {
        f.add(Long.toString(a.minor()));
        f.add(String.format(java.util.Locale.ROOT, "%03d", a.currency()));
        f.add(Integer.toString(a.exponent()));
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.stripTrailingZeros().toPlainString();
    }

    /** Free text from the wire, with the separator and line breaks replaced. */
    private static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace('|', ' ').replace('\n', ' ').replace('\r', ' ').trim();
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('|');
            }
            Checks.check(fields[i].indexOf('|') < 0, "a field contains the separator");
            out.append(fields[i]);
        }
        out.append('\n');
    }
}
