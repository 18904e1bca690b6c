package io.caspian.core.flow;

import io.caspian.core.conversion.Conversion;
import io.caspian.core.mapping.CodeTable;
import io.caspian.core.mapping.MappingResult;
import io.caspian.core.mapping.MessageReader;
import io.caspian.core.mapping.MessageWriter;
import io.caspian.core.mapping.Outbound;
import io.caspian.core.money.Money;
import io.caspian.core.port.BusinessCalendar;
import io.caspian.core.port.Scheduler;
import io.caspian.core.port.SchemePort;
import io.caspian.core.recon.ReconAnswer;
import io.caspian.core.recon.ReconMessages;
import io.caspian.core.recon.ReconTotals;
import io.caspian.core.routing.CardChecks;
import io.caspian.core.screening.Positions;
import io.caspian.core.screening.Velocity;
import io.caspian.core.saf.Owed;
import io.caspian.core.standin.StandIn;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.Digits;
import io.caspian.core.txn.Mti;
import io.caspian.core.txn.Reason;
import io.caspian.core.txn.TransactionType;
import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.TranslatedPin;
import io.caspian.iso8583.IsoMessage;
import io.caspian.store.SafKind;
import io.caspian.store.StoreWrite;
import io.caspian.store.TimeOrderedIds;
import io.caspian.store.StoreException;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransactionStore;
import io.caspian.store.pan.PanProtector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch: one dispatcher per message kind, all on the engine thread.
 *
 * <pre>
 * acquirer x100/x200 ─► read ─► duplicate? ─► route ─► convert ─► PIN ─► store SENT ─► issuer
 * issuer x110/x210   ─► match our STAN ─► store APPROVED|DECLINED ─► reply to acquirer
 * timeout            ─► store TIMED_OUT, REVERSAL_PENDING + owed reversal ─► "issuer unavailable"
 * acquirer x420      ─► find original ─► store + owed reversal ─► x430 at once
 * issuer down        ─► stand-in rules ─► STOOD_IN + owed advice, or decline
 * </pre>
 */
public final class SwitchEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchEngine.class);
    private static final long NOT_SENT_WARNING_NANOS = 1_000_000_000L;
    /** Network management information code (DE 70) of a cut-over. */
    static final String CUT_OVER = "201";

    /** Swapped whole by {@link #reload}; read on the engine thread. */
    SwitchSettings settings;
    final Scheduler scheduler;
    final TransactionStore store;
    final PanProtector pans;
    final Hsm hsm;
    final SwitchStats stats;
    final Map<String, SchemePort> ports = new HashMap<>();
    final Map<String, Numbering> numbering = new HashMap<>();
    final Map<String, MessageReader> readers = new HashMap<>();
    final Map<String, MessageWriter> writers = new HashMap<>();
    /** Requests waiting for the issuer, by "issuer|our STAN". */
    final Map<String, Exchange> pending = new HashMap<>();
    final Duplicates duplicates;
    /** Time-ordered transaction ids (UUID version 7): new rows go to the end of the indexes. */
    final TimeOrderedIds ids = new TimeOrderedIds();
    final StoreAndForward saf;
    final StandIn standIn = new StandIn();
    final Records records;
    final Velocity velocity = new Velocity();
    final Positions positions = new Positions();
    final Reconciliations reconciliations = new Reconciliations(this);
    /** Written on the engine thread, read by link threads for overload decisions. */
    private volatile int inFlight;
    /**
     * Requests link threads {@link #admit admitted} that the engine thread has not taken
     * yet: the engine's queue, counted against the same limit as the requests in flight, so
     * that a switch short of CPU declines at the door instead of queueing without bound.
     */
    private final AtomicInteger queued = new AtomicInteger();
    /** When the request being handled was admitted; null for anything else. Engine thread. */
    private Instant admittedAt;
    /** Business dates at cut-over (clearing); null: the calendar date in the scheme's zone. */
    private volatile BusinessCalendar businessCalendar;
    private volatile EngineObserver observer = EngineObserver.NONE;
    private long lastNotSentWarning;
    private long notSentSinceWarning;

    public SwitchEngine(SwitchSettings settings, Scheduler scheduler, TransactionStore store,
            PanProtector pans, Hsm hsm, SwitchStats stats, long seed) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.store = store;
        this.pans = pans;
        this.hsm = hsm;
        this.stats = stats;
        for (SchemeSettings s : settings.schemes().values()) {
            numbering.put(s.id(), new Numbering(s.wire().stanDigits(), seed + s.id().hashCode()));
            readers.put(s.id(), new MessageReader(s.wire(), settings.currencies()));
            writers.put(s.id(), new MessageWriter(s.wire()));
        }
        for (SchemeSettings s : settings.schemes().values()) {
            positions.prefund(s.id(), s.prefundedMinor());
        }
        this.duplicates = new Duplicates(settings.duplicateWindowMs());
        this.records = new Records(this);
        this.saf = new StoreAndForward(this);
    }

    /** Attaches a scheme's link; call before traffic starts. */
    public void attach(String scheme, SchemePort port) {
        MacSettings mac = settings.scheme(scheme).mac();
        ports.put(scheme, mac == null ? port : new SchemePort() {
            @Override
            public boolean send(IsoMessage message) {
                // Network management is the link's own and goes unsigned.
                if (message.mtiNumber() / 100 % 10 != Mti.CLASS_NETWORK
                        && !Macs.sign(hsm, mac, message)) {
                    stats.count("mac_generation_refused");
                    return false;
                }
                return port.send(message);
            }

            @Override
            public boolean isUp() {
                return port.isUp();
            }
        });
    }

    /**
     * Replaces routes, rates, screening lists and limits while running. The schemes must be
     * the same ones with the same dialects and links (those need a restart); requests in
     * flight finish under the settings they started with where it matters (their
     * conversion is already fixed). Engine thread. Returns null, or why it was refused.
     */
    public String reload(SwitchSettings next) {
        if (!next.schemes().keySet().equals(settings.schemes().keySet())) {
            return "the schemes differ (" + next.schemes().keySet() + " vs "
                    + settings.schemes().keySet() + "): restart to change them";
        }
        for (SchemeSettings s : next.schemes().values()) {
            if (!s.wire().dialect().name().equals(settings.scheme(s.id()).wire().dialect()
                    .name())) {
                return "scheme " + s.id() + " changes dialect: restart to change it";
            }
            if (!Objects.equals(s.mac(), settings.scheme(s.id()).mac())) {
                return "scheme " + s.id() + " changes its MAC settings: restart to change them";
            }
        }
        settings = next;
        stats.count("reloads");
        LOG.info("reloaded: {} IIN ranges, rates, screening and limits",
                next.router().ranges().size());
        return null;
    }

    /** Sets who is told of each answer (metrics); call before traffic starts. */
    public void observe(EngineObserver next) {
        this.observer = Objects.requireNonNull(next, "observer");
    }

    /** Each scheme's settlement position, for the console and clearing. */
    public Positions positions() {
        return positions;
    }

    public SwitchStats stats() {
        return stats;
    }

    /** Requests inside the switch now (received, not yet answered). */
    public int inFlight() {
        return inFlight;
    }

    /** Requests admitted and waiting for the engine thread. */
    public int queued() {
        return queued.get();
    }

    /**
     * Whether a new request can be taken: false under overload, when it must be declined
     * with "system malfunction" rather than queued. Safe to call from any thread.
     */
    public boolean accepting() {
        return inFlight + queued.get() < settings.inFlightMax();
    }

    /**
     * A link thread asks to queue a new request for the engine: true, and the request is
     * counted, when the switch is under its limit; false when it must be
     * {@link #rejectOverloaded declined}. The caller then hands the request to
     * {@link #onAdmitted} on the engine thread, with the time it was admitted. Link threads
     * race only by one request each over the limit.
     */
    public boolean admit() {
        if (!accepting()) {
            return false;
        }
        queued.incrementAndGet();
        return true;
    }

    /**
     * A request {@link #admit admitted} at {@code at} reaches the engine. One that waited
     * longer than {@code queueWaitMaxMs} is declined with "system malfunction" once it is
     * known not to be a repeat: the switch is behind, its acquirer gives up soon, and the
     * work it would cost delays everything queued behind it. Engine thread.
     */
    public void onAdmitted(String scheme, IsoMessage message, Instant at) {
        queued.decrementAndGet();
        admittedAt = at;
        try {
            onMessage(scheme, message);
        } finally {
            admittedAt = null;
        }
    }

    private boolean waitedTooLong() {
        return admittedAt != null && scheduler.now().toEpochMilli() - admittedAt.toEpochMilli()
                > settings.queueWaitMaxMs();
    }

    /**
     * Declines a request at once, on the caller's thread, because the switch is over its
     * in-flight limit: "system malfunction" rather than an unbounded queue. Thread-safe.
     */
    public void rejectOverloaded(String scheme, IsoMessage request) {
        stats.count("overload_declines");
        send(scheme, writers.get(scheme).reply(request, Reason.SYSTEM_MALFUNCTION, null, null,
                null));
    }

    /** Reversals and advices still owed to issuers. Engine thread. */
    public int owedCount() {
        return saf.size();
    }

    /** A message from a scheme's link. Engine thread. */
    public void onMessage(String scheme, IsoMessage message) {
        Mti mti = Mti.parse(message.mti());
        if (mti.messageClass() == Mti.CLASS_NETWORK) {
            // Sign-on, sign-off and echo are the link's; key change (161) is the switch's.
            if (mti.isRequestOrAdvice() && KeyChange.CODE.equals(message.getString(70))) {
                new KeyChange(this).onKeyChange(scheme, message);
            } else if (mti.isRequestOrAdvice() && CUT_OVER.equals(message.getString(70))) {
                onCutOver(scheme, message);
            }
            return;
        }
        MacSettings mac = settings.scheme(scheme).mac();
        if (mac != null && !Macs.verify(hsm, mac, message)) {
            stats.count("mac_failures");
            LOG.warn("{}: {} stan={} has no valid MAC: {}", scheme, message.mti(),
                    message.getString(11), mti.isRequestOrAdvice() ? "declined"
                            : "ignored (the request times out and is reversed)");
            if (mti.isRequestOrAdvice()) {
                reply(scheme, message, Reason.MAC_INVALID, null, null, null);
            }
            return;
        }
        if (mti.messageClass() == ReconMessages.CLASS) {
            reconciliations.onMessage(scheme, message, mti);
            return;
        }
        if (mti.isRequestOrAdvice()) {
            if (mti.messageClass() == Mti.CLASS_REVERSAL) {
                new AcquirerReversal(this).onReversal(scheme, message, mti);
            } else if (mti.function() == Mti.FUNCTION_ADVICE && message.has(90)) {
                new CompletionAdvice(this).onAdvice(scheme, message);
            } else if (mti.function() == Mti.FUNCTION_ADVICE) {
                acknowledgeAdvice(scheme, message);
            } else {
                onRequest(scheme, message, mti);
            }
        } else if (mti.messageClass() == Mti.CLASS_REVERSAL
                || mti.function() == Mti.FUNCTION_ADVICE_RESPONSE) {
            saf.onAcknowledgement(scheme, message);
        } else {
            new IssuerResponse(this).onResponse(scheme, message);
        }
    }

    /** A scheme's link came up: owed reversals and advices can go. Engine thread. */
    public void onLinkUp(String scheme) {
        saf.sendDue(scheme);
    }

    /** Periodic housekeeping: repeats of owed messages, expiry of duplicate keys. */
    public void tick() {
        saf.sendDue(null);
        duplicates.expire(scheduler.now().toEpochMilli());
    }

    /** After a restart: owes a reversal for everything the issuer may have approved. */
    public void recover() {
        new Recovery(this).run();
    }

    private void onRequest(String acquirer, IsoMessage request, Mti mti) {
        SchemeSettings acq = settings.scheme(acquirer);
        MappingResult mapped = readers.get(acquirer).read(request, today(acq));
        if (mapped instanceof MappingResult.Invalid invalid) {
            LOG.warn("{}: {} field {}: {}", acquirer, request.mti(), invalid.field(),
                    invalid.reason());
            stats.count("format_errors");
            reply(acquirer, request, Reason.FORMAT_ERROR, null, null, null);
            return;
        }
        CanonicalMessage c = ((MappingResult.Mapped) mapped).message();
        String key = Duplicates.key(acquirer, c);
        Optional<Duplicates.Seen> seen = duplicates.find(key);
        if (seen.isPresent()) {
            if (seen.get().answerFromStore()) {
                Optional<TransactionRecord> first = firstOf(seen.get());
                if (first.isPresent()) {
                    answerFromRecord(acquirer, request, first.get());
                    return;
                }
            }
            stats.count("duplicates");
            IsoMessage earlier = seen.get().reply;
            if (earlier != null) {
                send(acquirer, earlier);
            }
            return;
        }
        Optional<TransactionRecord> before = duplicates.findRecovered(key);
        if (before.isPresent()) {
            answerFromRecord(acquirer, request, before.get());
            return;
        }
        boolean overloaded = !accepting();
        if (overloaded || waitedTooLong()) {
            stats.count(overloaded ? "overload_declines" : "queue_wait_declines");
            reply(acquirer, request, Reason.SYSTEM_MALFUNCTION, null, null, null);
            return;
        }
        Instant receivedAt = scheduler.now();
        Exchange x = new Exchange(ids.next(receivedAt), acquirer, request, c, System.nanoTime(),
                receivedAt, key);
        duplicates.remember(key, x, scheduler.now().toEpochMilli());
        inFlight = inFlight + 1;
        route(x, mti);
    }

    private void route(Exchange x, Mti mti) {
        CanonicalMessage c = x.canonical;
        TransactionType type = c.type();
        if (type == null) {
            declineEarly(x, Reason.INVALID_TRANSACTION, "PROCESSING_CODE_NOT_SUPPORTED");
            return;
        }
        if (!CardChecks.luhnValid(c.pan())
                || (c.expiry() != null && !CardChecks.expiryWellFormed(c.expiry()))) {
            declineEarly(x, Reason.INVALID_CARD, "CARD_NUMBER_OR_EXPIRY_INVALID");
            return;
        }
        Optional<String> issuer = settings.router().issuerOf(c.pan());
        if (issuer.isEmpty() || issuer.get().equals(x.acquirer)
                || settings.scheme(issuer.get()) == null) {
            declineEarly(x, Reason.INVALID_CARD, "UNKNOWN_IIN");
            return;
        }
        x.issuer = issuer.get();
        SchemeSettings iss = settings.scheme(x.issuer);
        if (!iss.acceptedChannels().contains(c.acceptor().channel())) {
            declineEarly(x, Reason.NOT_PERMITTED, "CHANNEL_DISABLED_FOR_DIRECTION");
            return;
        }
        Optional<Conversion> conv = settings.rates().convert(c.amount(), iss.wire().currency(),
                scheduler.now());
        if (conv.isEmpty()) {
            declineEarly(x, Reason.INVALID_TRANSACTION, "NO_RATE_IN_FORCE");
            return;
        }
        x.conversion = conv.get();
        x.issuerMti = mti.original();
        x.cardHash = HexFormat.of().formatHex(records.protectedPan(x).hash().bytes());
        String blocked = iss.screening().blockedBy(c.pan(), x.cardHash, c.acceptor().mcc(),
                c.acceptor().country());
        if (blocked != null) {
            declineEarly(x, Reason.RESTRICTED_CARD, blocked);
            return;
        }
        long issuerMinor = x.conversion.target().minor();
        if (type.debitsCardholder()) {
            if (!velocity.allows(iss.screening(), x.cardHash, issuerMinor, today(iss))) {
                declineEarly(x, Reason.EXCEEDS_FREQUENCY, "VELOCITY_LIMIT");
                return;
            }
            if (!positions.reserve(x.issuer, issuerMinor, iss.netDebitCapMinor())) {
                declineEarly(x, Reason.SETTLEMENT_CAP_REACHED, "NET_DEBIT_CAP_" + x.issuer);
                return;
            }
            x.reservedMinor = issuerMinor;
        }
        SchemePort port = ports.get(x.issuer);
        if (port == null || !port.isUp()) {
            new StandInDecision(this).decide(x);
            return;
        }
        byte[] pin = null;
        if (c.pinBlock() != null) {
            pin = translatePin(x, iss);
            if (pin == null) {
                declineEarly(x, Reason.SYSTEM_MALFUNCTION, "PIN_TRANSLATION_REFUSED");
                return;
            }
        }
        forward(x, iss, pin);
    }

    private byte[] translatePin(Exchange x, SchemeSettings iss) {
        SchemeSettings acq = settings.scheme(x.acquirer);
        HsmResult<TranslatedPin> r = hsm.execute(new HsmCommand.TranslatePin(
                KeyRef.current(acq.zonePinKeyId()), format(acq.pinBlockFormat()),
                KeyRef.current(iss.zonePinKeyId()), format(iss.pinBlockFormat()),
                Pan.of(x.canonical.pan()), new EncryptedPinBlock(x.canonical.pinBlock())));
        if (r instanceof HsmResult.Refused<TranslatedPin> refused) {
            LOG.warn("{} {}: PIN translation refused: {}", x.direction(), x.id, refused);
            return null;
        }
        return r.orElseThrow().pinBlock().bytes();
    }

    static PinBlockFormat format(int number) {
        for (PinBlockFormat f : PinBlockFormat.values()) {
            if (f.number() == number) {
                return f;
            }
        }
        throw new IllegalArgumentException("PIN block format " + number);
    }

    /** Records the request as SENT, durably, then sends it and starts the timer (I2). */
    private void forward(Exchange x, SchemeSettings iss, byte[] pin) {
        x.ours = numberOutbound(x);
        Conversion conv = x.conversion;
        IsoMessage out = writers.get(x.issuer).request(x.canonical, x.issuerMti, conv.target(),
                conv.target(), rateField(conv), x.ours, pin);
        x.record = records.received(x);
        List<StoreWrite> writes = List.of(
                new StoreWrite.InsertTransaction(x.record, "REQUEST_RECEIVED"),
                records.transition(x, TransactionState.ROUTED, "ROUTED_BY_IIN",
                        records.routedFields(x)),
                records.transition(x, TransactionState.SENT, "FORWARDED_TO_ISSUER",
                        records.sentFields(x)));
        afterCommit(writes, x, () -> {
            pending.put(x.issuer + "|" + x.ours.stan(), x);
            x.timer = scheduler.schedule(iss.responseTimeoutMs(), () -> onTimeout(x));
            if (!ports.get(x.issuer).send(out)) {
                pending.remove(x.issuer + "|" + x.ours.stan());
                x.timer.cancel();
                finish(x, TransactionState.DECLINED, Reason.ISSUER_UNAVAILABLE, null, null,
                        "LINK_REFUSED_SEND");
            }
        });
    }

    /**
     * Our numbering towards the issuer. DE 7 is the moment of receipt and DE 12 that moment
     * in the acquirer's time zone, to the second: both follow from the stored record, so a
     * reversal rebuilt after a restart names its original exactly as it was sent.
     */
    Outbound numberOutbound(Exchange x) {
        Numbering n = numbering.get(x.issuer);
        return new Outbound(n.nextStan(), n.nextRrn(x.receivedAt), x.receivedAt,
                localTimeSent(x.receivedAt, x.acquirer));
    }

    LocalDateTime localTimeSent(Instant receivedAt, String acquirer) {
        return LocalDateTime.ofInstant(receivedAt, settings.scheme(acquirer).zone())
                .truncatedTo(ChronoUnit.SECONDS);
    }

    /** ISO 8583 DE 10 n8: first digit the decimal places, then seven digits of the rate. */
    static String rateField(Conversion conv) {
        BigDecimal r = conv.appliedRate().stripTrailingZeros();
        for (int places = 7; places >= 0; places--) {
            BigDecimal scaled = r.movePointRight(places);
            if (scaled.compareTo(BigDecimal.valueOf(9_999_999)) <= 0) {
                long digits = scaled.setScale(0, RoundingMode.HALF_UP).longValue();
                return places + Digits.pad(digits, 7);
            }
        }
        return "09999999";
    }

    private void onTimeout(Exchange x) {
        if (pending.remove(x.issuer + "|" + x.ours.stan()) == null) {
            return;
        }
        stats.count("timeouts");
        new TimeoutReversal(this).onTimeout(x);
    }

    /** Declines before anything was sent: recorded, then answered. */
    void declineEarly(Exchange x, Reason reason, String cause) {
        x.record = records.received(x);
        List<StoreWrite> writes = List.of(
                new StoreWrite.InsertTransaction(x.record, "REQUEST_RECEIVED"),
                records.transition(x, TransactionState.DECLINED, cause,
                        records.answeredFields(x, null, reason, null)));
        afterCommit(writes, x, () -> answer(x, reason, null));
    }

    /** Records the final state, then answers the acquirer. */
    void finish(Exchange x, TransactionState to, Reason reason, String issuerCode,
            String authCode, String cause) {
        List<StoreWrite> writes = List.of(records.transition(x, to, cause,
                records.answeredFields(x, issuerCode, reason, authCode)));
        afterCommit(writes, x, () -> answer(x, reason, authCode));
    }

    /**
     * Submits writes and continues on the engine thread once they are durable; when the
     * store fails, the acquirer gets "system malfunction" and nothing else happens here
     * (a row left in SENT is reversed by recovery, I2).
     */
    void afterCommit(List<StoreWrite> writes, Exchange x, Runnable then) {
        store.submit(writes).whenComplete((ok, error) -> scheduler.execute(() -> {
            if (error != null) {
                LOG.warn("{} {}: store refused: {}", x.direction(), x.id, error.getMessage());
                stats.count("store_failures");
                // The issuer approved but the approval is not durable: the acquirer hears
                // "system malfunction", so the issuer is owed a reversal (the row is still
                // SENT in the store, where recovery would owe it after a restart).
                if (x.state() == TransactionState.APPROVED) {
                    saf.oweInMemory(x);
                }
                answer(x, Reason.SYSTEM_MALFUNCTION, null);
                return;
            }
            then.run();
        }));
    }

    /** Replies to the acquirer and closes the exchange. */
    void answer(Exchange x, Reason reason, String authCode) {
        Conversion conv = x.conversion;
        boolean billed = conv != null && reason.isApproval()
                && !conv.source().currency().equals(conv.target().currency());
        IsoMessage reply = writers.get(x.acquirer).reply(x.request, reason, authCode,
                billed ? conv.target() : null, billed ? rateField(conv) : null);
        boolean delivered = trySend(x.acquirer, reply);
        duplicates.answered(x.duplicateKey, reply);
        boolean undelivered = !delivered && reason.isApproval()
                && x.state() == TransactionState.APPROVED;
        if (undelivered) {
            reverseUndelivered(x);
        }
        if (x.reservedMinor > 0 && (undelivered || !reason.isApproval())) {
            positions.release(x.issuer, x.reservedMinor);
            x.reservedMinor = 0;
        }
        if (!undelivered && reason.isApproval() && x.cardHash != null
                && x.canonical.type() != null && x.canonical.type().debitsCardholder()) {
            velocity.approved(x.cardHash, x.conversion.target().minor(),
                    today(settings.scheme(x.issuer)));
        }
        inFlight = inFlight - 1;
        long latencyNanos = System.nanoTime() - x.receivedNanos;
        stats.latencyMicros(latencyNanos / 1_000);
        observer.onAnswered(x.acquirer, x.issuer, reason, x.state(), latencyNanos, delivered);
        String dir = x.direction();
        stats.count("answered." + x.acquirer);
        if (undelivered) {
            return;
        }
        if (reason.isApproval()) {
            stats.count("approved");
            stats.count("approved." + dir);
            if (x.canonical.type() != null && x.canonical.type().movesMoney()) {
                Money m = x.canonical.amount();
                stats.add("approved_minor." + dir + "." + m.currency().alpha(), m.minor());
                if (conv != null) {
                    stats.add("approved_issuer_minor." + dir + "."
                            + conv.target().currency().alpha(), conv.target().minor());
                }
            }
        } else {
            stats.count("declined");
            stats.count("declined." + reason.name());
        }
    }

    IsoMessage reply(String scheme, IsoMessage request, Reason reason, String authCode,
            Money billing, String rate) {
        IsoMessage reply = writers.get(scheme).reply(request, reason, authCode, billing, rate);
        send(scheme, reply);
        return reply;
    }

    void send(String scheme, IsoMessage message) {
        trySend(scheme, message);
    }

    /**
     * A link that is down refuses every message at once: one warning a second per engine,
     * with the count of those not logged, rather than one line per message.
     */
    private void warnNotSent(String scheme, String mti) {
        long now = System.nanoTime();
        if (now - lastNotSentWarning < NOT_SENT_WARNING_NANOS && lastNotSentWarning != 0) {
            notSentSinceWarning++;
            return;
        }
        if (notSentSinceWarning > 0) {
            LOG.warn("{}: could not send {} (link down or full); {} more not sent in the last"
                    + " second", scheme, mti, notSentSinceWarning);
        } else {
            LOG.warn("{}: could not send {} (link down or full)", scheme, mti);
        }
        lastNotSentWarning = now;
        notSentSinceWarning = 0;
    }

    private boolean trySend(String scheme, IsoMessage message) {
        SchemePort port = ports.get(scheme);
        if (port == null || !port.send(message)) {
            stats.count("replies_not_sent");
            warnNotSent(scheme, message.mti());
            return false;
        }
        return true;
    }

    /**
     * The issuer approved but the approval could not be sent to the acquirer: the issuer
     * is owed a reversal (DESIGN.md I2), durable before it is queued.
     */
    private void reverseUndelivered(Exchange x) {
        stats.count("approvals_undelivered");
        Owed owed = owedReversal(x, "4013");
        List<StoreWrite> writes = List.of(
                records.transition(x, TransactionState.REVERSAL_PENDING,
                        "APPROVAL_NOT_DELIVERED_TO_ACQUIRER", null),
                new StoreWrite.EnqueueSaf(TimeoutReversal.item(this, owed)));
        store.submit(writes).whenComplete((ok, error) -> scheduler.execute(() -> {
            if (error != null) {
                LOG.warn("{} {}: reversal of an undelivered approval not recorded: {}",
                        x.direction(), x.id, error.getMessage());
            }
            saf.add(owed);
            saf.sendDue(x.issuer);
        }));
    }

    /**
     * The stored record of a request whose duplicate entry was cut down. Empty when the
     * store cannot answer now: the repeat then goes unanswered, as one in flight does, and
     * the acquirer repeats or reverses; never a second debit.
     */
    private Optional<TransactionRecord> firstOf(Duplicates.Seen seen) {
        try {
            return store.findById(seen.transactionId());
        } catch (StoreException e) {
            LOG.warn("repeat of transaction {} not answered: store: {}", seen.transactionId(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A repeat of a request recorded before a restart: the outcome on record, again. One
     * left unanswered by the crash was reversed by recovery, so it stands declined.
     */
    private void answerFromRecord(String acquirer, IsoMessage request, TransactionRecord t) {
        stats.count("duplicates");
        CodeTable codes = settings.scheme(acquirer).wire().codes();
        Reason reason = t.responseCode() == null || t.state() == TransactionState.REVERSAL_PENDING
                || t.state() == TransactionState.REVERSED
                ? Reason.ISSUER_UNAVAILABLE : codes.reason(t.responseCode());
        send(acquirer, writers.get(acquirer).reply(request, reason,
                reason.isApproval() ? t.authCode() : null, null, null));
    }

    private void acknowledgeAdvice(String scheme, IsoMessage advice) {
        // An advice that names no original (DE 90), such as the acquiring scheme's own
        // stand-in advice, concerns no issuer through Caspian: acknowledged, not forwarded.
        stats.count("advices_acknowledged");
        send(scheme, writers.get(scheme).reply(advice, Reason.ACCEPTED, null, null, null));
    }

    LocalDate today(SchemeSettings s) {
        return LocalDate.ofInstant(scheduler.now(), s.zone());
    }

    /**
     * Makes {@code calendar} assign each new transaction's business date (clearing's
     * cut-over). Call before traffic starts; any thread.
     */
    public void useBusinessCalendar(BusinessCalendar calendar) {
        this.businessCalendar = calendar;
    }

    /**
     * Sends {@code scheme} the totals of a closed business date (0500, or 2520 on a
     * 2003-style link); {@code done} runs on the engine thread with the scheme's answer.
     * False when the link could not take it. Engine thread.
     */
    public boolean requestReconciliation(String scheme, ReconTotals totals,
            Consumer<ReconAnswer> done) {
        return reconciliations.request(scheme, totals, done);
    }

    /** A scheme's cut-over request (0800, DE 70 = 201), taken by the business calendar. */
    private void onCutOver(String scheme, IsoMessage request) {
        BusinessCalendar calendar = businessCalendar;
        boolean taken = calendar != null && calendar.cutOver(scheme, scheduler.now());
        stats.count(taken ? "cut_overs" : "cut_overs_refused");
        send(scheme, writers.get(scheme).networkReply(request,
                taken ? Reason.NETWORK_ACCEPTED : Reason.INVALID_TRANSACTION));
    }

    /** The business date a transaction acquired in {@code s} now belongs to. */
    LocalDate businessDate(SchemeSettings s) {
        BusinessCalendar calendar = businessCalendar;
        return calendar == null ? today(s) : calendar.businessDate(s.id(), scheduler.now());
    }

    /** Builds what is owed when the issuer may have approved and the acquirer was not told. */
    Owed owedReversal(Exchange x, String reasonCode) {
        return new Owed(x.id, SafKind.REVERSAL, x.issuer, x.canonical.pan(),
                x.canonical.processingCode(), x.conversion.target(), x.issuerMti, x.ours,
                x.canonical.acceptor().terminalId(), x.canonical.acceptor().merchantId(),
                reasonCode, null, scheduler.now());
    }
}
