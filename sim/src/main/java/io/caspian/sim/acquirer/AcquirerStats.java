package io.caspian.sim.acquirer;

import io.caspian.sim.time.LatencyHistogram;
import io.caspian.sim.wire.ProcessingCode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an acquirer saw, for the demo's reconciliation: approvals and their amounts per
 * currency, declines by code, timeouts, reversals, latencies. Thread-safe.
 *
 * <p>{@link #netApprovedDebitsMinor(int)} is the figure to reconcile against the switch and
 * the issuer: debits approved, minus credits approved, minus customer-cancelled debits whose
 * reversal was acknowledged.
 */
public final class AcquirerStats {
    private final LatencyHistogram latency = new LatencyHistogram();
    private final Map<ProcessingCode, Long> approvalsByType = new TreeMap<>();
    private final Map<Integer, Long> approvedDebitsMinor = new HashMap<>();
    private final Map<Integer, Long> approvedCreditsMinor = new HashMap<>();
    private final Map<Integer, Long> reversedDebitsMinor = new HashMap<>();
    private final Map<Integer, Long> reversedCreditsMinor = new HashMap<>();
    private final Map<Integer, Long> completedLessMinor = new HashMap<>();
    private final Map<String, Long> declinesByCode = new TreeMap<>();
    private long submitted;
    private long approvals;
    private long declines;
    private long timeouts;
    private long notSent;
    private long unmatchedResponses;
    private long reversalsSent;
    private long reversalsAcknowledged;
    private long reversalsAbandoned;
    private long partialReversalsSent;
    private long completionsSent;
    private long completionsAcknowledged;
    private long completionsAbandoned;

    synchronized void countSubmitted() {
        submitted++;
    }

    synchronized void countNotSent() {
        notSent++;
    }

    synchronized void timedOut(long latencyNanos) {
        timeouts++;
        latency.record(latencyNanos);
    }

    synchronized void unmatched() {
        unmatchedResponses++;
    }

    synchronized void approved(ProcessingCode type, int currency, long amountMinor,
            long latencyNanos) {
        approvals++;
        approvalsByType.merge(type, 1L, Long::sum);
        if (type.debits()) {
            approvedDebitsMinor.merge(currency, amountMinor, Long::sum);
        } else if (type.credits()) {
            approvedCreditsMinor.merge(currency, amountMinor, Long::sum);
        }
        latency.record(latencyNanos);
    }

    synchronized void declined(String code, long latencyNanos) {
        declines++;
        declinesByCode.merge(code == null ? "" : code, 1L, Long::sum);
        latency.record(latencyNanos);
    }

    synchronized void reversalSent() {
        reversalsSent++;
    }

    synchronized void reversalAbandoned() {
        reversalsAbandoned++;
    }

    synchronized void partialReversalSent() {
        partialReversalsSent++;
    }

    synchronized void completionSent() {
        completionsSent++;
    }

    synchronized void completionAbandoned() {
        completionsAbandoned++;
    }

    /**
     * A completion advice was acknowledged: the authorization's debit is now its final
     * amount, {@code lessMinor} below the authorized one (negative: above it).
     */
    synchronized void completionAcknowledged(int currency, long lessMinor) {
        completionsAcknowledged++;
        completedLessMinor.merge(currency, lessMinor, Long::sum);
    }

    /** A reversal was acknowledged; {@code type} set when it cancelled an approval. */
    synchronized void reversalAcknowledged(ProcessingCode type, int currency, long amountMinor) {
        reversalsAcknowledged++;
        if (type != null && type.debits()) {
            reversedDebitsMinor.merge(currency, amountMinor, Long::sum);
        } else if (type != null && type.credits()) {
            reversedCreditsMinor.merge(currency, amountMinor, Long::sum);
        }
    }

    public synchronized long submitted() {
        return submitted;
    }

    public synchronized long approvals() {
        return approvals;
    }

    public synchronized long approvals(ProcessingCode type) {
        return approvalsByType.getOrDefault(type, 0L);
    }

    public synchronized long declines() {
        return declines;
    }

    /** Declines by DE 39 code as received (a copy). */
    public synchronized Map<String, Long> declinesByCode() {
        return Map.copyOf(declinesByCode);
    }

    public synchronized long timeouts() {
        return timeouts;
    }

    public synchronized long notSent() {
        return notSent;
    }

    /** Responses that matched nothing pending: late (after our timeout) or unknown. */
    public synchronized long unmatchedResponses() {
        return unmatchedResponses;
    }

    public synchronized long reversalsSent() {
        return reversalsSent;
    }

    public synchronized long reversalsAcknowledged() {
        return reversalsAcknowledged;
    }

    /** Reversals given up after every repeat went unanswered. */
    public synchronized long reversalsAbandoned() {
        return reversalsAbandoned;
    }

    /** Partial reversals (customer kept part of a purchase) sent, repeats not counted. */
    public synchronized long partialReversalsSent() {
        return partialReversalsSent;
    }

    public synchronized long completionsSent() {
        return completionsSent;
    }

    public synchronized long completionsAcknowledged() {
        return completionsAcknowledged;
    }

    /** Completion advices given up after every repeat went unanswered. */
    public synchronized long completionsAbandoned() {
        return completionsAbandoned;
    }

    public synchronized long approvedDebitsMinor(int currency) {
        return approvedDebitsMinor.getOrDefault(currency, 0L);
    }

    public synchronized long approvedCreditsMinor(int currency) {
        return approvedCreditsMinor.getOrDefault(currency, 0L);
    }

    public synchronized long reversedDebitsMinor(int currency) {
        return reversedDebitsMinor.getOrDefault(currency, 0L);
    }

    /**
     * Approved debits - approved credits - acknowledged reversals of them (in part for a
     * partial one) - what acknowledged completions took off their authorizations, one
     * currency.
     */
    public synchronized long netApprovedDebitsMinor(int currency) {
        return approvedDebitsMinor(currency) - approvedCreditsMinor(currency)
                - reversedDebitsMinor(currency)
                + reversedCreditsMinor.getOrDefault(currency, 0L)
                - completedLessMinor.getOrDefault(currency, 0L);
    }

    /** Latency of answered and timed-out requests, nanoseconds from sending. */
    public LatencyHistogram latency() {
        return latency;
    }

    @Override
    public synchronized String toString() {
        return "AcquirerStats[submitted=" + submitted + " approvals=" + approvals + " declines="
                + declinesByCode + " timeouts=" + timeouts + " notSent=" + notSent
                + " unmatched=" + unmatchedResponses + " reversals=" + reversalsAcknowledged
                + "/" + reversalsSent + " partial=" + partialReversalsSent + " completions="
                + completionsAcknowledged + "/" + completionsSent + " latency "
                + latency.summaryMs() + "]";
    }
}
