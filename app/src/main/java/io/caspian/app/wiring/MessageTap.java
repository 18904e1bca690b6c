package io.caspian.app.wiring;

import io.caspian.console.ConsoleMetrics;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.MaskedDump;
import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.store.MessageRecord;
import io.caspian.store.TimeOrderedIds;
import io.caspian.store.TransactionStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Sees every message at the switch's edge, as it is received from a link or after a link
 * took it: counts it in the metrics and hands it to the store's message journal for the
 * console's trace while the console asks for it ({@code http.recordMessages}). Network
 * management (x8xx: sign-on, echo) is counted, not journalled.
 *
 * <p>The caller pays for a counter and an enqueue; the masked dump is built on the
 * journal's thread. A message is not changed after it was received or sent, so reading it
 * there is safe.
 */
final class MessageTap {
    private static final int CLASS_NETWORK = 8;

    private final TransactionStore store;
    private final ConsoleMetrics metrics;
    private final Clock clock;
    private volatile boolean journalling;
    /**
     * Time-ordered ids, so records append to the table's primary key instead of landing on
     * a random page each; used only inside the suppliers, which the journal's one thread
     * runs.
     */
    private final TimeOrderedIds ids = new TimeOrderedIds();

    MessageTap(TransactionStore store, ConsoleMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    void journalling(boolean on) {
        journalling = on;
    }

    void received(String link, IsoMessage m) {
        seen(link, MessageRecord.Direction.IN, m);
    }

    void sent(String link, IsoMessage m) {
        seen(link, MessageRecord.Direction.OUT, m);
    }

    private void seen(String link, MessageRecord.Direction direction, IsoMessage m) {
        String mti = m.mti();
        String code = m.has(39) ? m.getString(39) : null;
        metrics.onMessage(link, direction == MessageRecord.Direction.IN, mti, code);
        if (!journalling || mti.length() == 4 && mti.charAt(2) - '0' == CLASS_NETWORK) {
            return;
        }
        Instant at = clock.instant();
        store.journal(() -> new MessageRecord(ids.next(at), at, link, direction, mti,
                m.has(11) ? m.getString(11) : null, m.has(37) ? m.getString(37) : null, code,
                dump(m)));
    }

    /**
     * The MTI on the first line, then {@code number TAB name TAB masked value} per field (not
     * the bitmap),
     * masked by the dialect's sensitivity: no PAN, PIN block, track data or key in clear.
     */
    static String dump(IsoMessage m) {
        StringBuilder sb = new StringBuilder(m.mti());
        for (int f : m.fieldNumbers()) {
            if (f == 1) {
                continue;
            }
            FieldSpec spec = m.dialect().field(f);
            String value = MaskedDump.maskedValue(m, f);
            sb.append('\n').append(f).append('\t')
                    .append(label(spec))
                    .append('\t').append(value == null ? "" : printable(value));
        }
        return sb.toString();
    }

    /** The dialect's short name of the field, else its description. */
    private static String label(FieldSpec spec) {
        if (spec == null) {
            return "";
        }
        if (spec.name() != null && !spec.name().isBlank()) {
            return spec.name();
        }
        return spec.description() == null ? "" : spec.description();
    }

    private static String printable(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '.' : c);
        }
        return sb.toString();
    }
}
