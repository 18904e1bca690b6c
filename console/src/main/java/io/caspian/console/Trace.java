package io.caspian.console;

import io.caspian.store.MessageRecord;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One transaction's trace: the row, every message in and out on both links (masked, as the
 * message journal recorded them), the time of each hop, and every state change.
 *
 * <p>Messages are found by the trace numbers the row keeps: the acquirer's STAN or RRN on
 * the acquirer's link, ours on the issuer's link, from a second before the request was
 * received to {@link #WINDOW} after (reversals and advices repeat until acknowledged).
 */
final class Trace {
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** A field of a message: number, the dialect's name for it, masked value. */
    record Field(int field, String name, String value) {
    }

    /** One message, with its hop and timing. */
    record Message(String at, long sinceStartMicros, long sincePreviousMicros, String hop,
            String link, String direction, String mti, String stan, String rrn,
            String responseCode, List<Field> fields) {
    }

    record View(Views.Transaction transaction, List<Message> messages,
            List<Views.Change> history, String note) {
    }

    private Trace() {
    }

    static View of(TransactionStore store, TransactionRecord t) {
        Instant from = t.createdAt().minusSeconds(1);
        Instant to = t.createdAt().plus(WINDOW);
        List<MessageRecord> all = new ArrayList<>(store.messages(t.acquirerScheme(),
                t.acquirer().stan(), t.acquirer().rrn(), from, to));
        if (t.issuer() != null) {
            all.addAll(store.messages(t.issuerScheme(), t.issuer().stan(), t.issuer().rrn(),
                    from, to));
        }
        all.sort(Comparator.comparing(MessageRecord::at));
        List<Message> messages = new ArrayList<>();
        Instant start = all.isEmpty() ? null : all.get(0).at();
        Instant previous = start;
        for (MessageRecord m : all) {
            messages.add(new Message(m.at().toString(), micros(start, m.at()),
                    micros(previous, m.at()), hop(m), m.link(), m.direction().name(), m.mti(),
                    m.stan(), m.rrn(), m.responseCode(), fields(m.maskedDump())));
            previous = m.at();
        }
        List<Views.Change> history = store.history(t.id()).stream().map(Views.Change::of)
                .toList();
        String note = messages.isEmpty() ? "no message records for this transaction (recorded"
                + " only while the message journal runs; none before this version)" : null;
        return new View(Views.Transaction.of(t), messages, history, note);
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1_000;
    }

    private static String hop(MessageRecord m) {
        return m.direction() == MessageRecord.Direction.IN ? m.link() + " -> switch"
                : "switch -> " + m.link();
    }

    /**
     * The journal's dump: the MTI on the first line, then one field per line as
     * {@code number TAB name TAB masked value}.
     */
    static List<Field> fields(String dump) {
        List<Field> fields = new ArrayList<>();
        String[] lines = dump.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].split("\t", 3);
            if (parts.length == 3 && !parts[0].isEmpty()) {
                try {
                    fields.add(new Field(Integer.parseInt(parts[0]), parts[1], parts[2]));
                } catch (NumberFormatException e) {
                    fields.add(new Field(0, "", lines[i]));
                }
            } else {
                fields.add(new Field(0, "", lines[i]));
            }
        }
        return fields;
    }
}
