package io.caspian.sim.issuer;

import io.caspian.hsm.Hsm;
import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;
import io.caspian.sim.wire.Outcome;
import io.caspian.sim.wire.OriginalKey;
import io.caspian.sim.wire.ProcessingCode;
import io.caspian.sim.wire.Tlv;
import io.caspian.sim.wire.WireModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scheme's issuer: answers the requests, advices and reversals Caspian forwards for the
 * scheme's own cards, as a real issuer would, and keeps a ledger.
 *
 * <pre>
 * x100/x200 --decide--> approved: post DEBIT or CREDIT, answer x110/x210 with DE 38
 *                       declined: answer with the model's code, post nothing
 * x120/x220 ----------> post (stand-in approvals are posted whatever the balance), x130/x230
 * x500/x520 ----------> reconciliation at cut-over: own totals, in or out of balance
 * x220 naming an x100 -> completion: the authorization's posting is brought to the final
 *   in DE 90           amount (the difference reversed, or the excess debited), x230
 * x420/x421 ----------> first reversal of a posted original: post its reversal (the part
 *                       reversed when partial: DE 95 names what remains, or DE 4 is less
 *                       than the posting); x430 always
 * </pre>
 *
 * Idempotent by the original's key (DE 11 + DE 7 or DE 12): a repeated request gets its
 * first answer again, a repeated reversal is acknowledged without a second effect, and an
 * original that arrives after its own reversal is declined. Thread-safe (one lock).
 */
public final class IssuerHost {
    private final WireModel model;
    private final IssuerSettings settings;
    private final Clock clock;
    private final Decider decider;
    private final Replies replies;
    private final Ledger ledger = new Ledger();
    private final ReconLedger recon;
    private final Map<String, CardAccount> accounts = new LinkedHashMap<>();
    /** Answers given, oldest first, kept for {@link #ANSWER_MEMORY}. */
    private final LinkedHashMap<OriginalKey, Answered> answered = new LinkedHashMap<>();
    private final Set<OriginalKey> reversed = new HashSet<>();
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private long requests;
    private long advices;
    private long duplicates;
    private long reversalsApplied;
    private long reversalsWithoutEffect;
    private long completions;
    private long approvalCodes;
    private IsoCodec codec;

    /**
     * How long an answer is remembered for repeats, reversals and completions: longer than
     * any switch's retry and reversal timing in use, and bounded, so that a long load run
     * does not keep every response it ever gave. The ledger keeps every posting.
     */
    static final Duration ANSWER_MEMORY = Duration.ofSeconds(60);

    /**
     * An answer already given: the response to repeat, in wire form, and the posting it made,
     * if any. Wire form, because a minute of answers is tens of thousands of them: a decoded
     * message keeps a field table besides its bytes (about four times the size), and a repeat,
     * the only reader, is rare.
     */
    private record Answered(byte[] response, LedgerEntry posting, Instant at) {
    }

    /** Answers still remembered for repeats (bounded by {@link #ANSWER_MEMORY}). */
    synchronized int rememberedAnswers() {
        return answered.size();
    }

    private void remember(OriginalKey key, IsoMessage response, LedgerEntry posting,
            Instant now) {
        IsoCodec codec = codec(response);
        byte[] wire = new byte[codec.encodedLength(response)];
        codec.encodeTo(response, wire, 0);
        answered.put(key, new Answered(wire, posting, now));
        Instant horizon = now.minus(ANSWER_MEMORY);
        Iterator<Answered> oldest = answered.values().iterator();
        while (oldest.hasNext() && oldest.next().at().isBefore(horizon)) {
            oldest.remove();
        }
    }

    private IsoCodec codec(IsoMessage m) {
        if (codec == null || codec.dialect() != m.dialect()) {
            codec = new IsoCodec(m.dialect());
        }
        return codec;
    }

    /** The answer given before, decoded again (it was encoded from a valid message). */
    private IsoMessage repeat(Answered earlier) {
        DecodeResult decoded = codec.decode(earlier.response());
        if (decoded instanceof DecodeResult.Success ok) {
            return ok.message();
        }
        throw new IllegalStateException("a remembered answer does not decode: " + decoded);
    }

    public IssuerHost(WireModel model, IssuerSettings settings, Hsm hsm, Clock clock,
            Collection<TestCard> cards) {
        this.model = model;
        this.settings = settings;
        this.clock = clock;
        this.decider = new Decider(model, settings, hsm, clock);
        this.replies = new Replies(model);
        this.recon = new ReconLedger(model, ledger);
        for (TestCard card : cards) {
            accounts.put(card.pan(), new CardAccount(card));
        }
    }

    /**
     * Answers one message; null when it is not one an issuer answers (responses, network
     * management). Never throws for a well-formed message of the dialect.
     */
    public synchronized IsoMessage handle(IsoMessage m) {
        switch (WireModel.kind(m)) {
            case 100: case 101: case 200: case 201:
                requests++;
                return answerOnce(m, false);
            case 220: case 221:
                advices++;
                return isCompletion(m) ? complete(m) : answerOnce(m, true);
            case 120: case 121:
                advices++;
                return answerOnce(m, true);
            case 420: case 421: case 400: case 401:
                return reverse(m);
            case 500: case 520: case 521:
                return recon.answer(m, settings.currency().numeric());
            default:
                return null;
        }
    }

    private IsoMessage answerOnce(IsoMessage m, boolean advice) {
        OriginalKey key = model.keyOf(m);
        Answered earlier = answered.get(key);
        if (earlier != null) {
            duplicates++;
            return repeat(earlier);
        }
        Instant now = clock.instant();
        CardAccount account = accounts.get(m.getString(2));
        Decision d = reversed.contains(key)
                ? Decision.decline(Outcome.DO_NOT_HONOUR, account, null)
                : advice ? decider.decideAdvice(m, account) : decider.decide(m, account);
        LedgerEntry posting = d.approved() ? post(d, key, m.getString(37), now) : null;
        IsoMessage r = replies.answer(m, d.outcome(), now);
        if (d.approved()) {
            addApprovalFields(m, r, d, now);
        }
        outcomes.merge(d.outcome(), 1L, Long::sum);
        remember(key, r, posting, now);
        return r;
    }

    private LedgerEntry post(Decision d, OriginalKey key, String rrn, Instant now) {
        if (!d.type().debits() && !d.type().credits()) {
            return null;
        }
        EntryKind kind = d.type().debits() ? EntryKind.DEBIT : EntryKind.CREDIT;
        d.account().add(-kind.netDebitSign() * d.amountMinor());
        return ledger.append(now, d.account().pan(), kind, d.amountMinor(),
                settings.currency().numeric(), key, rrn == null ? "" : rrn);
    }

    private void addApprovalFields(IsoMessage request, IsoMessage r, Decision d, Instant now) {
        int kind = WireModel.kind(request);
        r.set(38, String.format("%06d", ++approvalCodes % 1_000_000));
        boolean financial = kind / 100 == 2;
        if (financial) {
            model.setSettlementDate(r, now);
        }
        if (d.type() == ProcessingCode.BALANCE_INQUIRY) {
            model.setBalance(r, settings.currency().money(Math.max(0,
                    d.account().balanceMinor())));
        }
        if (d.type() == ProcessingCode.NAME_INQUIRY) {
            r.set(48, Tlv.write(Map.of(model.holderNameTag(), d.account().card().holderName())));
        }
    }

    /** An advice whose DE 90 names an authorization (x100): a completion of it. */
    private static boolean isCompletion(IsoMessage m) {
        String de90 = m.has(90) ? m.getString(90) : null;
        return de90 != null && de90.length() >= 4 && de90.charAt(1) == '1';
    }

    /**
     * A completion: the authorization was posted at its amount when approved; the final
     * amount replaces it, so the difference is posted as a partial reversal of that debit
     * (or an extra debit when the final amount is larger). Acknowledged in every case; a
     * repeat changes nothing.
     */
    private IsoMessage complete(IsoMessage m) {
        OriginalKey key = model.keyOf(m);
        Answered earlier = answered.get(key);
        if (earlier != null) {
            duplicates++;
            return repeat(earlier);
        }
        Instant now = clock.instant();
        OriginalKey authorization = model.originalKeyOf(m);
        Answered original = authorization == null ? null : answered.get(authorization);
        LedgerEntry posting = original == null ? null : original.posting();
        LedgerEntry adjustment = null;
        if (posting != null && posting.kind() == EntryKind.DEBIT
                && !reversed.contains(authorization)) {
            long finalMinor = amountMinor(m);
            long less = posting.amountMinor() - finalMinor;
            CardAccount account = accounts.get(posting.pan());
            if (finalMinor >= 0 && less != 0) {
                EntryKind kind = less > 0 ? EntryKind.DEBIT_REVERSAL : EntryKind.DEBIT;
                account.add(-kind.netDebitSign() * Math.abs(less));
                adjustment = ledger.append(now, posting.pan(), kind, Math.abs(less),
                        posting.currency(), key, m.getString(37) == null ? ""
                                : m.getString(37));
            }
            completions++;
        } else {
            reversalsWithoutEffect++;
        }
        IsoMessage r = replies.answer(m, Outcome.APPROVED, now);
        outcomes.merge(Outcome.APPROVED, 1L, Long::sum);
        remember(key, r, adjustment, now);
        return r;
    }

    private long amountMinor(IsoMessage m) {
        io.caspian.sim.wire.Money amount = model.amount(m);
        return amount == null ? -1 : amount.minorAt(settings.currency().exponent());
    }

    /** Completion advices that brought an authorization's posting to its final amount. */
    public synchronized long completions() {
        return completions;
    }

    private IsoMessage reverse(IsoMessage m) {
        Instant now = clock.instant();
        OriginalKey key = model.originalKeyOf(m);
        if (key == null) {
            // No DE 90: nothing to reverse; acknowledge so the sender stops repeating.
            reversalsWithoutEffect++;
            return replies.acknowledgeReversal(m, now);
        }
        Answered original = answered.get(key);
        if (reversed.add(key) && original != null && original.posting() != null) {
            LedgerEntry p = original.posting();
            CardAccount account = accounts.get(p.pan());
            EntryKind kind = p.kind().reversal();
            long reversed = reversedPart(m, p);
            account.add(-kind.netDebitSign() * reversed);
            ledger.append(now, p.pan(), kind, reversed, p.currency(), key,
                    m.getString(37) == null ? "" : m.getString(37));
            reversalsApplied++;
        } else {
            reversalsWithoutEffect++;
        }
        return replies.acknowledgeReversal(m, now);
    }

    /**
     * How much of a posting a reversal takes back: all of it, less what DE 95 says remains
     * (ISO 8583:1987 replacement amounts, first 12 digits), or DE 4 when it is smaller than
     * the posting (a model that writes the part reversed in DE 4).
     */
    private long reversedPart(IsoMessage reversal, LedgerEntry posting) {
        String replacement = reversal.has(95) ? reversal.getString(95) : null;
        if (replacement != null && replacement.length() >= 12) {
            long remains = parseDigits(replacement.substring(0, 12));
            if (remains > 0 && remains < posting.amountMinor()) {
                return posting.amountMinor() - remains;
            }
            return posting.amountMinor();
        }
        io.caspian.sim.wire.Money amount = model.amount(reversal);
        if (amount != null && amount.currency() == posting.currency()) {
            long minor = amount.minorAt(settings.currency().exponent());
            if (minor > 0 && minor < posting.amountMinor()) {
                return minor;
            }
        }
        return posting.amountMinor();
    }

    private static long parseDigits(String s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public Ledger ledger() {
        return ledger;
    }

    /**
     * What this host booked since its last reconciliation in balance (its per-transaction
     * list for a back office's difference report), lost bookings left out.
     */
    public synchronized List<LedgerEntry> openBookings() {
        return recon.open();
    }

    /**
     * Leaves a booking out of this host's reconciliation totals and booking list, as a
     * back office that missed it would (demonstrations and tests of "out of balance").
     */
    public synchronized void loseBooking(long sequence) {
        recon.lose(sequence);
    }

    public IssuerSettings settings() {
        return settings;
    }

    /** The account of a PAN; null when the issuer does not know it. */
    public synchronized CardAccount account(String pan) {
        return accounts.get(pan);
    }

    public synchronized List<CardAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /** Sum of the opening balances: with {@link Ledger#netDebitsMinor()}, the conservation. */
    public synchronized long openingBalancesMinor() {
        return accounts.values().stream().mapToLong(a -> a.card().openingBalanceMinor()).sum();
    }

    /** Sum of the current balances. */
    public synchronized long balancesMinor() {
        return accounts.values().stream().mapToLong(CardAccount::balanceMinor).sum();
    }

    /** Blocks, restricts or re-activates a card at runtime. */
    public synchronized void setStatus(String pan, CardStatus status) {
        CardAccount a = accounts.get(pan);
        if (a == null) {
            throw new IllegalArgumentException("no account for this PAN");
        }
        a.status(status);
    }

    public synchronized IssuerCounters counters() {
        return new IssuerCounters(requests, advices, duplicates, reversalsApplied,
                reversalsWithoutEffect, decider.hsmRefusals(), outcomes);
    }
}
