package io.caspian.sim.acquirer;

import io.caspian.sim.cards.TestCard;
import java.util.List;
import java.util.Random;

/**
 * Mixed traffic from seeded randomness: a transaction type by weight, a terminal that fits
 * it (cash and inquiries at ATMs, purchases at POS or e-commerce), a card, an amount.
 * Not thread-safe; the load generator draws from one thread.
 */
public final class TrafficGenerator {
    private final List<Terminal> terminals;
    private final List<TestCard> cards;
    private final TrafficMix mix;
    private final Random random;

    public TrafficGenerator(List<Terminal> terminals, List<TestCard> cards, TrafficMix mix,
            Random random) {
        if (terminals.isEmpty() || cards.isEmpty()) {
            throw new IllegalArgumentException("traffic needs terminals and cards");
        }
        this.terminals = List.copyOf(terminals);
        this.cards = List.copyOf(cards);
        this.mix = mix;
        this.random = random;
    }

    /** The next request. */
    public AcquirerRequest next() {
        TestCard card = cards.get(random.nextInt(cards.size()));
        long amount = mix.minAmountMinor()
                + (long) (random.nextDouble() * (mix.maxAmountMinor() - mix.minAmountMinor()));
        int pick = random.nextInt(mix.totalWeight());
        AcquirerRequest r;
        if ((pick -= mix.purchase()) < 0) {
            Terminal t = random.nextBoolean() ? terminal(TerminalType.POS)
                    : terminal(TerminalType.ECOM);
            boolean pin = t.type() == TerminalType.POS
                    && random.nextDouble() < mix.posPinFraction();
            r = AcquirerRequest.purchase(t, card, amount, pin);
        } else if ((pick -= mix.cash()) < 0) {
            r = AcquirerRequest.cash(terminal(TerminalType.ATM), card, amount);
        } else if ((pick -= mix.refund()) < 0) {
            r = AcquirerRequest.refund(terminal(TerminalType.POS), card, amount);
        } else if ((pick -= mix.balance()) < 0) {
            r = AcquirerRequest.balance(terminal(TerminalType.ATM), card);
        } else if ((pick -= mix.transfer()) < 0) {
            TestCard to = cards.get(random.nextInt(cards.size()));
            r = AcquirerRequest.transfer(terminal(TerminalType.ATM), card, amount, to.pan());
        } else {
            r = AcquirerRequest.authorization(terminal(TerminalType.ECOM), card, amount);
        }
        return r.pin() && random.nextDouble() < mix.wrongPinFraction() ? r.withWrongPin() : r;
    }

    /** A terminal of the type, or any terminal when the acquirer has none of it. */
    private Terminal terminal(TerminalType type) {
        int start = random.nextInt(terminals.size());
        for (int i = 0; i < terminals.size(); i++) {
            Terminal t = terminals.get((start + i) % terminals.size());
            if (t.type() == type) {
                return t;
            }
        }
        return terminals.get(start);
    }
}
