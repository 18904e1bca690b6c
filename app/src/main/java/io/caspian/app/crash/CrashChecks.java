package io.caspian.app.crash;

import io.caspian.app.crash.Findings.Kind;
import io.caspian.core.txn.TransactionType;
import io.caspian.sim.acquirer.AcquirerResult;
import io.caspian.sim.cards.Pans;
import io.caspian.sim.issuer.LedgerEntry;
import io.caspian.sim.wire.OriginalKey;
import io.caspian.sim.wire.ProcessingCode;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The checks of one direction, transaction by transaction, after the drain:
 *
 * <pre>
 * acquirer results (approved) ──acquirer STAN, RRN, terminal──► stored requests
 *      exactly one standing approval each (I1, I3), and no standing approval without one
 * issuer ledger (net per original) ──our RRN, our STAN──► stored requests
 *      every standing posting is a standing approval the acquirer was told (I2),
 *      every money-moving standing approval is posted exactly once (I4)
 * totals: acquirer net = stored net (acquirer currency); stored net = ledger net (issuer's)
 * </pre>
 *
 * A standing approval is a request in APPROVED, STOOD_IN, ADVICE_PENDING or ADVISED that no
 * recorded acquirer reversal cancels.
 */
final class CrashChecks {
    private static final Set<TransactionState> APPROVED = EnumSet.of(TransactionState.APPROVED,
            TransactionState.STOOD_IN, TransactionState.ADVICE_PENDING, TransactionState.ADVISED);
    private static final Set<TransactionState> REVERSING = EnumSet.of(
            TransactionState.REVERSAL_PENDING, TransactionState.REVERSED);

    private final Findings findings;
    private final String direction;
    private final List<TransactionRecord> requests = new ArrayList<>();
    private final Map<UUID, Integer> reversalsOf = new HashMap<>();
    private final Map<AcquirerKey, List<TransactionRecord>> byAcquirerKey = new HashMap<>();
    private final Set<UUID> toldApproved = new HashSet<>();
    private final Map<String, Integer> unreversedByState = new TreeMap<>();

    /** How the acquirer knows its request: its own DE 11, DE 37 and DE 41. */
    record AcquirerKey(long stan, String rrn, String terminalId) {
        static AcquirerKey of(AcquirerResult r) {
            return new AcquirerKey(r.stan(), trim(r.rrn()), r.request().terminal().id());
        }

        static AcquirerKey of(TransactionRecord t) {
            return new AcquirerKey(Long.parseLong(t.acquirer().stan().trim()),
                    trim(t.acquirer().rrn()), trim(t.acquirer().terminalId()));
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }

    CrashChecks(Findings findings, String acquirer, String issuer,
            List<TransactionRecord> rows) {
        this.findings = findings;
        this.direction = acquirer + ">" + issuer;
        for (TransactionRecord t : rows) {
            if (!t.acquirerScheme().equals(acquirer) || !t.issuerScheme().equals(issuer)) {
                continue;
            }
            int messageClass = t.mti().charAt(1) - '0';
            if (messageClass == 1 || messageClass == 2) {
                requests.add(t);
                byAcquirerKey.computeIfAbsent(AcquirerKey.of(t), k -> new ArrayList<>()).add(t);
            } else if (messageClass == 4 && t.originalId() != null
                    && REVERSING.contains(t.state())) {
                reversalsOf.merge(t.originalId(), 1, Integer::sum);
            }
        }
        reversalsOf.forEach((original, n) -> {
            if (n > 1) {
                findings.violation(Kind.DOUBLE_COUNTED, direction, n
                        + " recorded acquirer reversals cancel one original, id " + original);
            }
        });
    }

    private static boolean movesMoney(TransactionRecord t) {
        TransactionType type = TransactionType.fromProcessingCode(t.processingCode());
        return type == null || type.movesMoney();
    }

    private boolean standing(TransactionRecord t) {
        return APPROVED.contains(t.state()) && !reversalsOf.containsKey(t.id());
    }

    /** I1, I3: every approval an acquirer was told is stored, standing, exactly once. */
    void acquirerApprovals(List<AcquirerResult> results) {
        for (AcquirerResult r : results) {
            if (r.status() != AcquirerResult.Status.ANSWERED || !r.approved()) {
                continue;
            }
            findings.approvalChecked();
            List<TransactionRecord> rows = byAcquirerKey.getOrDefault(AcquirerKey.of(r),
                    List.of());
            List<TransactionRecord> standing = rows.stream().filter(this::standing).toList();
            if (standing.isEmpty()) {
                findings.violation(Kind.LOST, direction, "acquirer was told approved: "
                        + describe(r) + "; store: " + (rows.isEmpty() ? "no row"
                                : rows.stream().map(this::describe).toList()));
            } else if (standing.size() > 1) {
                findings.violation(Kind.DOUBLE_COUNTED, direction, "one approval stored "
                        + standing.size() + " times: " + describe(r) + "; store: "
                        + standing.stream().map(this::describe).toList());
            }
            standing.forEach(t -> toldApproved.add(t.id()));
        }
        for (TransactionRecord t : requests) {
            // An inquiry moves no money and no acquirer reverses one: an approved balance
            // inquiry whose reply was lost in a crash is nobody's debit.
            if (standing(t) && !toldApproved.contains(t.id()) && movesMoney(t)) {
                findings.violation(Kind.PHANTOM, direction, "stored approval the acquirer was"
                        + " not told: " + describe(t));
            }
        }
    }

    /**
     * I2, I4: nets the issuer's ledger per original (a reversal entry carries its original's
     * key) and matches each standing posting to the stored request by our RRN and STAN.
     */
    void issuerLedger(List<LedgerEntry> ledger) {
        Map<OriginalKey, List<LedgerEntry>> byOriginal = new LinkedHashMap<>();
        ledger.forEach(e -> byOriginal.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        Map<String, List<TransactionRecord>> byIssuerRrn = new HashMap<>();
        for (TransactionRecord t : requests) {
            if (t.issuer() != null && t.issuer().rrn() != null) {
                byIssuerRrn.computeIfAbsent(t.issuer().rrn().trim(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        Map<UUID, Integer> postings = new HashMap<>();
        for (Map.Entry<OriginalKey, List<LedgerEntry>> e : byOriginal.entrySet()) {
            // The issuer posts a reversal only after its original, so the first is the posting.
            LedgerEntry posting = e.getValue().get(0);
            long net = e.getValue().stream().mapToLong(LedgerEntry::netDebitMinor).sum();
            findings.postingChecked();
            if (net == 0) {
                continue;
            }
            if (Math.abs(net) != posting.amountMinor()) {
                findings.violation(Kind.DOUBLE_COUNTED, direction, "issuer net " + net
                        + " for one original: " + e.getValue());
            }
            TransactionRecord t = stored(byIssuerRrn, posting);
            if (t == null) {
                findings.violation(Kind.UNREVERSED, direction, "issuer posting stands with no"
                        + " stored request: " + posting);
                continue;
            }
            postings.merge(t.id(), 1, Integer::sum);
            if (!standing(t) || !toldApproved.contains(t.id())) {
                unreversedByState.merge(t.state() + (reversalsOf.containsKey(t.id())
                        ? " reversed by acquirer" : ""), 1, Integer::sum);
                findings.violation(Kind.UNREVERSED, direction, "issuer posting stands, acquirer"
                        + " not told approved: " + posting + "; store: " + describe(t));
            }
        }
        if (!unreversedByState.isEmpty()) {
            findings.note(direction + ": unreversed issuer postings by stored state of their"
                    + " request: " + unreversedByState);
        }
        for (TransactionRecord t : requests) {
            int n = postings.getOrDefault(t.id(), 0);
            if (n > 1) {
                findings.violation(Kind.DOUBLE_COUNTED, direction, "issuer posted " + n
                        + " times for " + describe(t));
            } else if (n == 0 && standing(t) && sign(t) != 0) {
                findings.violation(Kind.MISMATCH, direction, "standing approval with no issuer"
                        + " posting: " + describe(t));
            }
        }
    }

    /** The stored request a posting belongs to: our RRN, then our STAN among equal RRNs. */
    private static TransactionRecord stored(Map<String, List<TransactionRecord>> byIssuerRrn,
            LedgerEntry posting) {
        List<TransactionRecord> rows = byIssuerRrn.getOrDefault(posting.rrn().trim(), List.of());
        if (rows.size() <= 1) {
            return rows.isEmpty() ? null : rows.get(0);
        }
        for (TransactionRecord t : rows) {
            if (Long.parseLong(t.issuer().stan().trim()) == posting.key().stan()) {
                return t;
            }
        }
        return rows.get(0);
    }

    /** I4 per direction: acquirer, store and issuer ledger agree to the minor unit. */
    void totals(List<AcquirerResult> results, long ledgerNetMinor) {
        long told = 0;
        for (AcquirerResult r : results) {
            if (r.status() == AcquirerResult.Status.ANSWERED && r.approved()) {
                ProcessingCode type = r.request().type();
                told += type.debits() ? r.request().amountMinor()
                        : type.credits() ? -r.request().amountMinor() : 0;
            }
        }
        long storedAcquirer = 0;
        long storedIssuer = 0;
        for (TransactionRecord t : requests) {
            if (standing(t)) {
                storedAcquirer += sign(t) * t.acquirerAmount().minor();
                storedIssuer += sign(t) * (t.issuerAmount() == null ? 0
                        : t.issuerAmount().minor());
            }
        }
        findings.note(String.format("%s: acquirer told net %,d, store net %,d (acquirer"
                + " currency); store net %,d, issuer ledger net %,d (issuer currency)",
                direction, told, storedAcquirer, storedIssuer, ledgerNetMinor));
        if (told != storedAcquirer) {
            findings.violation(Kind.MISMATCH, direction, "acquirer net " + told
                    + " != stored net " + storedAcquirer);
        }
        if (storedIssuer != ledgerNetMinor) {
            findings.violation(Kind.MISMATCH, direction, "stored issuer net " + storedIssuer
                    + " != issuer ledger net " + ledgerNetMinor);
        }
    }

    /** +1 for what debits the cardholder, -1 for a refund, 0 for what moves no money. */
    private static int sign(TransactionRecord t) {
        TransactionType type = TransactionType.fromProcessingCode(t.processingCode());
        if (type == null || !type.movesMoney()) {
            return 0;
        }
        return type == TransactionType.REFUND ? -1 : 1;
    }

    private String describe(AcquirerResult r) {
        return r.request().type() + " " + r.request().amountMinor() + " card "
                + Pans.mask(r.request().card().pan()) + " acquirer stan=" + r.stan() + " rrn="
                + r.rrn() + " terminal=" + r.request().terminal().id();
    }

    private String describe(TransactionRecord t) {
        return "id " + t.id() + " " + t.mti() + " " + t.state() + " card " + t.pan().masked()
                + " acquirer stan=" + t.acquirer().stan() + " our stan="
                + (t.issuer() == null ? "-" : t.issuer().stan() + " rrn=" + t.issuer().rrn())
                + (reversalsOf.containsKey(t.id()) ? " (reversed by acquirer)" : "");
    }
}
