package io.caspian.console;

import io.caspian.store.TransactionSearch;
import io.caspian.store.TransactionState;
import io.caspian.store.pan.PanHash;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search as the API takes it (query parameters, or a JSON body for a full PAN), checked
 * and turned into the store's {@link TransactionSearch}. Amounts are in the acquirer
 * currency's minor units.
 */
final class SearchRequest {
    static final int LIMIT_DEFAULT = 100;
    /** The parameters a search takes. */
    static final List<String> NAMES = List.of("from", "to", "scheme", "direction", "last4",
            "rrn", "stan", "responseCode", "state", "amountMin", "amountMax", "limit");

    private SearchRequest() {
    }

    /**
     * @param params parameter name to value; unknown names are refused
     * @param pan a full PAN from a request body, or null; never from a URL
     */
    static TransactionSearch parse(Map<String, String> params, String pan, PanLookup pans) {
        for (String name : params.keySet()) {
            if (!NAMES.contains(name)) {
                throw new BadRequest("unknown search parameter '" + name + "' (one of "
                        + String.join(", ", NAMES) + ")");
            }
        }
        String direction = blank(params.get("direction"));
        String acquirer = null;
        String issuer = null;
        if (direction != null) {
            String[] parts = direction.split(">", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new BadRequest("direction must look like mir>shetab");
            }
            acquirer = parts[0];
            issuer = parts[1];
        }
        String last4 = blank(params.get("last4"));
        if (last4 != null && !last4.matches("[0-9]{4}")) {
            throw new BadRequest("last4 must be four digits");
        }
        PanHash hash = null;
        if (pan != null && !pan.isBlank()) {
            String digits = pan.replace(" ", "");
            if (!digits.matches("[0-9]{12,19}")) {
                throw new BadRequest("pan must be 12 to 19 digits");
            }
            try {
                hash = pans.hashOf(digits);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("pan: " + e.getMessage());
            }
        }
        int limit = (int) number(params, "limit", LIMIT_DEFAULT);
        if (limit < 1 || limit > TransactionSearch.LIMIT_MAX) {
            throw new BadRequest("limit must be 1.." + TransactionSearch.LIMIT_MAX);
        }
        return new TransactionSearch(instant(params.get("from"), false),
                instant(params.get("to"), true), blank(params.get("scheme")), acquirer, issuer,
                hash, last4, blank(params.get("rrn")), blank(params.get("stan")),
                blank(params.get("responseCode")), state(params.get("state")),
                optionalNumber(params, "amountMin"),
                optionalNumber(params, "amountMax"), limit);
    }

    private static TransactionState state(String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return TransactionState.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("state must be one of "
                    + Arrays.toString(TransactionState.values()));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * An instant, or a date: {@code from=2026-11-25} is the start of that UTC day and
     * {@code to=2026-11-25} the end of it.
     */
    private static Instant instant(String value, boolean endOfDay) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + v + "' is neither a date (2026-11-25) nor an instant"
                    + " (2026-11-25T10:00:00Z)");
        }
    }

    private static long number(Map<String, String> params, String name, long otherwise) {
        Long n = optionalNumber(params, name);
        return n == null ? otherwise : n;
    }

    private static Long optionalNumber(Map<String, String> params, String name) {
        String v = blank(params.get(name));
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new BadRequest(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number (minor units for amounts)");
        }
    }
}
