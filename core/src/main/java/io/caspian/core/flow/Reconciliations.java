package io.caspian.core.flow;

import io.caspian.core.mapping.MessageWriter;
import io.caspian.core.port.SchemePort;
import io.caspian.core.recon.ReconAnswer;
import io.caspian.core.recon.ReconMessages;
import io.caspian.core.recon.ReconTotals;
import io.caspian.core.txn.Mti;
import io.caspian.iso8583.IsoMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation requests to the schemes, matched to their answers by our STAN. Engine
 * thread. The request is a 1987-style 0500 on an ISO 8583:1987 link and a 2520
 * (reconciliation advice) on a 2003-style one; the answer is the request's MTI + 10.
 * One request per scheme is outstanding: a new one supersedes an unanswered one (the caller
 * waits with a limit and asks again), so nothing accumulates. Not repeated: an x521 repeat
 * is the caller's decision.
 */
final class Reconciliations {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliations.class);

    private final SwitchEngine engine;
    /** By scheme: the one outstanding request. */
    private final Map<String, Waiting> waiting = new HashMap<>();

    private record Waiting(String stan, ReconTotals ours, Consumer<ReconAnswer> done) {
    }

    Reconciliations(SwitchEngine engine) {
        this.engine = engine;
    }

    boolean request(String scheme, ReconTotals ours, Consumer<ReconAnswer> done) {
        int version = engine.writers.get(scheme).wire().version();
        int function = version == 0 ? Mti.FUNCTION_REQUEST : Mti.FUNCTION_ADVICE;
        Mti mti = new Mti(version, ReconMessages.CLASS, function, 0);
        IsoMessage m = engine.writers.get(scheme).wire().codec().newMessage()
                .setMti(mti.toString());
        String stan = engine.numbering.get(scheme).nextStan();
        m.set(7, MessageWriter.transmissionTime(engine.scheduler.now()));
        m.set(11, stan);
        ReconMessages.write(m, ours);
        Waiting superseded = waiting.put(scheme, new Waiting(stan, ours, done));
        if (superseded != null) {
            engine.stats.count("reconciliations_superseded");
        }
        SchemePort port = engine.ports.get(scheme);
        if (port == null || !port.send(m)) {
            waiting.remove(scheme);
            engine.stats.count("reconciliations_not_sent");
            return false;
        }
        engine.stats.count("reconciliations_sent");
        return true;
    }

    void onMessage(String scheme, IsoMessage m, Mti mti) {
        if (mti.isRequestOrAdvice()) {
            LOG.warn("{}: reconciliation {} from the scheme ignored: Caspian asks, not"
                    + " answers", scheme, m.mti());
            return;
        }
        Waiting w = waiting.get(scheme);
        if (w == null || !w.stan().equals(m.getString(11))) {
            engine.stats.count("reconciliations_unmatched");
            LOG.warn("{}: {} stan={} matches no reconciliation request", scheme, m.mti(),
                    m.getString(11));
            return;
        }
        waiting.remove(scheme);
        ReconTotals theirs = ReconMessages.read(m, w.ours().businessDate());
        boolean inBalance = ReconMessages.IN_BALANCE.equals(m.getString(66));
        engine.stats.count(inBalance ? "reconciliations_in_balance"
                : "reconciliations_out_of_balance");
        w.done().accept(new ReconAnswer(scheme, w.ours(), theirs, inBalance));
    }
}
