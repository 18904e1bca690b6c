package io.caspian.app.crash;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the crash checks found: violations by kind, each naming the transaction by ids and a
 * masked PAN only, and the one summary line scripts and CI read.
 */
final class Findings {
    /** Printed per kind; the count in the summary line is always complete. */
    private static final int PRINTED_PER_KIND_MAX = 25;

    /** The ways DESIGN.md I1-I4 can be broken, as seen from outside the switch. */
    enum Kind {
        /** I1/I3: an acquirer was told "approved" and the store holds no standing approval. */
        LOST,
        /** I2: the issuer's posting stands though the acquirer was not told "approved". */
        UNREVERSED,
        /** I3/I4: one approval stored, posted or reversed more than once. */
        DOUBLE_COUNTED,
        /** I3: a standing stored approval the acquirer was never told (clearing would bill it). */
        PHANTOM,
        /** I2: a reversal or advice still owed, or a transaction unresolved, after the drain. */
        STILL_OWED,
        /** I4: per-direction totals disagree, or a stored approval has no issuer posting. */
        MISMATCH
    }

    record Violation(Kind kind, String direction, String detail) {
    }

    private final List<Violation> violations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long approvalsChecked;
    private long postingsChecked;
    int kills;
    long seed;

    synchronized void violation(Kind kind, String direction, String detail) {
        violations.add(new Violation(kind, direction, detail));
    }

    synchronized void note(String line) {
        notes.add(line);
    }

    synchronized void approvalChecked() {
        approvalsChecked++;
    }

    synchronized void postingChecked() {
        postingsChecked++;
    }

    synchronized long approvalsChecked() {
        return approvalsChecked;
    }

    synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    synchronized long count(Kind kind) {
        return violations.stream().filter(v -> v.kind() == kind).count();
    }

    synchronized boolean clean() {
        return violations.isEmpty();
    }

    synchronized void print(PrintWriter out) {
        notes.forEach(n -> out.println("  " + n));
        Map<Kind, Integer> printed = new EnumMap<>(Kind.class);
        for (Violation v : violations) {
            int n = printed.merge(v.kind(), 1, Integer::sum);
            if (n <= PRINTED_PER_KIND_MAX) {
                out.println("VIOLATION " + v.kind() + " " + v.direction() + ": " + v.detail());
            } else if (n == PRINTED_PER_KIND_MAX + 1) {
                out.println("VIOLATION " + v.kind() + " ... (" + count(v.kind()) + " in all)");
            }
        }
        out.println(summaryLine());
        out.flush();
    }

    /** One line: kills, approvals checked, and every kind of violation counted. */
    synchronized String summaryLine() {
        return String.format("crash-soak: %s seed=%d kills=%d approvals-checked=%d"
                + " issuer-postings-checked=%d lost=%d unreversed=%d double-counted=%d"
                + " phantom=%d still-owed=%d mismatched=%d",
                clean() ? "PASS" : "FAIL", seed, kills, approvalsChecked, postingsChecked,
                count(Kind.LOST), count(Kind.UNREVERSED), count(Kind.DOUBLE_COUNTED),
                count(Kind.PHANTOM), count(Kind.STILL_OWED), count(Kind.MISMATCH));
    }
}
