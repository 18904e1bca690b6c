package io.caspian.app.clearing;

import io.caspian.app.wiring.SwitchNode;
import io.caspian.clearing.ReconExchange;
import io.caspian.clearing.SchemeBooking;
import io.caspian.clearing.SchemeTotals;
import io.caspian.core.recon.ReconAnswer;
import io.caspian.core.recon.ReconTotals;
import io.caspian.store.ReconExchangeRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Wiring of the reconciliation messages at cut-over: clearing's totals of a closed date go
 * to the scheme through the running switch (0500 / 2520), the answer comes back, and the
 * outcome is recorded with, when out of balance, the difference report. The scheme's
 * per-transaction booking list, when one is available (the simulators expose theirs), makes
 * the report name each transaction; without it the report names the totals that differ.
 */
public final class ReconMessaging {
    private final SwitchNode node;
    private final ReconExchange exchange;
    private final long answerTimeoutMs;

    public ReconMessaging(SwitchNode node, ReconExchange exchange, long answerTimeoutMs) {
        this.node = node;
        this.exchange = exchange;
        this.answerTimeoutMs = answerTimeoutMs;
    }

    /**
     * Exchanges {@code scheme}'s totals of {@code date}; {@code bookings} (may be null)
     * gives the scheme's booking list when it is out of balance. Blocks up to the answer
     * timeout; never on the engine thread.
     */
    public ReconExchangeRow exchange(String scheme, LocalDate date,
            Supplier<List<SchemeBooking>> bookings) {
        SchemeTotals ours = exchange.totalsOf(scheme, date);
        CompletableFuture<ReconAnswer> answer = new CompletableFuture<>();
        AtomicBoolean unsent = new AtomicBoolean();
        node.thread().execute(() -> {
            if (!node.engine().requestReconciliation(scheme, toCore(ours), answer::complete)) {
                unsent.set(true);
                answer.complete(null);
            }
        });
        ReconAnswer a;
        try {
            a = answer.get(answerTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            a = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a = null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("reconciliation answer failed", e.getCause());
        }
        if (a == null) {
            return exchange.record(scheme, ours, null, false, List.of(unsent.get()
                    ? "not sent: the " + scheme + " link is not signed on (or its queue is"
                            + " full)"
                    : "no answer from " + scheme + " within " + answerTimeoutMs + " ms"));
        }
        SchemeTotals theirs = fromCore(a.theirs());
        List<String> differences = new ArrayList<>();
        if (!a.inBalance()) {
            differences.addAll(totalsDiffer(ours, theirs));
            if (bookings != null) {
                differences.addAll(exchange.differences(scheme, date, bookings.get()));
            }
        }
        return exchange.record(scheme, ours, theirs, a.inBalance(), differences);
    }

    private static List<String> totalsDiffer(SchemeTotals ours, SchemeTotals theirs) {
        String[] names = {"debits", "debits minor", "debit reversals",
            "debit reversals minor", "credits", "credits minor", "credit reversals",
            "credit reversals minor"};
        long[] o = ours.toArray();
        long[] t = theirs.toArray();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < o.length; i++) {
            if (o[i] != t[i]) {
                out.add("totals: " + names[i] + " ours " + o[i] + ", scheme " + t[i]);
            }
        }
        return out;
    }

    static ReconTotals toCore(SchemeTotals t) {
        return new ReconTotals(t.businessDate(), t.currency(), t.debits(), t.debitsMinor(),
                t.debitReversals(), t.debitReversalsMinor(), t.credits(), t.creditsMinor(),
                t.creditReversals(), t.creditReversalsMinor());
    }

    static SchemeTotals fromCore(ReconTotals t) {
        return new SchemeTotals(t.businessDate(), t.currency(), t.debits(), t.debitsMinor(),
                t.debitReversals(), t.debitReversalsMinor(), t.credits(), t.creditsMinor(),
                t.creditReversals(), t.creditReversalsMinor());
    }
}
