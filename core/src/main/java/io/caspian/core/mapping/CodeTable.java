package io.caspian.core.mapping;

import io.caspian.core.txn.Reason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A scheme's response or action codes for each {@link Reason}, both ways. Several codes may
 * map to one reason when read; each reason writes exactly one code. A code the table does
 * not know reads as {@link Reason#DO_NOT_HONOUR}: a decline, never an approval.
 */
public final class CodeTable {
    private final Map<Reason, String> toCode;
    private final Map<String, Reason> toReason;

    public CodeTable(Map<Reason, String> toCode) {
        for (Reason r : Reason.values()) {
            if (!toCode.containsKey(r)) {
                throw new IllegalArgumentException("code table has no code for " + r);
            }
        }
        this.toCode = new EnumMap<>(toCode);
        Map<String, Reason> back = new HashMap<>();
        toCode.forEach((reason, code) -> back.putIfAbsent(code, reason));
        this.toReason = Map.copyOf(back);
    }

    public String code(Reason reason) {
        return toCode.get(reason);
    }

    public Reason reason(String code) {
        return code == null ? Reason.DO_NOT_HONOUR : toReason.getOrDefault(code,
                Reason.DO_NOT_HONOUR);
    }

    /** ISO 8583:1987 two-character response codes, as the mir model uses them. */
    public static CodeTable iso1987() {
        Map<Reason, String> m = new EnumMap<>(Reason.class);
        m.put(Reason.APPROVED, "00");
        m.put(Reason.ACCEPTED, "00");
        m.put(Reason.DO_NOT_HONOUR, "05");
        m.put(Reason.INVALID_TRANSACTION, "12");
        m.put(Reason.INVALID_AMOUNT, "13");
        m.put(Reason.INVALID_CARD, "14");
        m.put(Reason.FORMAT_ERROR, "30");
        m.put(Reason.INSUFFICIENT_FUNDS, "51");
        m.put(Reason.EXPIRED_CARD, "54");
        m.put(Reason.INCORRECT_PIN, "55");
        m.put(Reason.NOT_PERMITTED, "57");
        m.put(Reason.EXCEEDS_LIMIT, "61");
        m.put(Reason.LATE_RESPONSE, "68");
        m.put(Reason.ISSUER_UNAVAILABLE, "91");
        m.put(Reason.DUPLICATE_TRANSMISSION, "94");
        m.put(Reason.SYSTEM_MALFUNCTION, "96");
        m.put(Reason.MAC_INVALID, "63");
        m.put(Reason.NETWORK_ACCEPTED, "00");
        m.put(Reason.RESTRICTED_CARD, "62");
        m.put(Reason.EXCEEDS_FREQUENCY, "65");
        // 1987 has no code for a settlement cap: "do not honour", the reason is recorded.
        m.put(Reason.SETTLEMENT_CAP_REACHED, "05");
        return new CodeTable(m);
    }

    /** The shetab model's four-digit action codes (docs/dialects.md). */
    public static CodeTable shetab() {
        Map<Reason, String> m = new EnumMap<>(Reason.class);
        m.put(Reason.APPROVED, "0000");
        m.put(Reason.ACCEPTED, "0400");
        m.put(Reason.DO_NOT_HONOUR, "0100");
        m.put(Reason.INVALID_TRANSACTION, "0902");
        m.put(Reason.INVALID_AMOUNT, "0110");
        m.put(Reason.INVALID_CARD, "0111");
        m.put(Reason.FORMAT_ERROR, "0904");
        m.put(Reason.INSUFFICIENT_FUNDS, "0116");
        m.put(Reason.EXPIRED_CARD, "0101");
        m.put(Reason.INCORRECT_PIN, "0117");
        m.put(Reason.NOT_PERMITTED, "0119");
        m.put(Reason.EXCEEDS_LIMIT, "0121");
        m.put(Reason.LATE_RESPONSE, "0911");
        m.put(Reason.ISSUER_UNAVAILABLE, "0907");
        m.put(Reason.DUPLICATE_TRANSMISSION, "0913");
        m.put(Reason.SYSTEM_MALFUNCTION, "0909");
        m.put(Reason.MAC_INVALID, "0916");
        m.put(Reason.NETWORK_ACCEPTED, "0800");
        m.put(Reason.RESTRICTED_CARD, "0104");
        m.put(Reason.EXCEEDS_FREQUENCY, "0123");
        m.put(Reason.SETTLEMENT_CAP_REACHED, "0100");
        CodeTable t = new CodeTable(m);
        return t;
    }
}
