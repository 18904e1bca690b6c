package io.caspian.sim.issuer;

import io.caspian.sim.cards.CardStatus;
import io.caspian.sim.cards.TestCard;

/**
 * A card's account at its issuer: the card, its status (settable at runtime) and its
 * balance in minor units of the issuer's currency. Guarded by the issuer host's lock.
 */
public final class CardAccount {
    private final TestCard card;
    private volatile CardStatus status;
    private volatile long balanceMinor;

    CardAccount(TestCard card) {
        this.card = card;
        this.status = card.status();
        this.balanceMinor = card.openingBalanceMinor();
    }

    public TestCard card() {
        return card;
    }

    public String pan() {
        return card.pan();
    }

    public CardStatus status() {
        return status;
    }

    void status(CardStatus newStatus) {
        this.status = newStatus;
    }

    public long balanceMinor() {
        return balanceMinor;
    }

    void add(long deltaMinor) {
        this.balanceMinor = balanceMinor + deltaMinor;
    }

    @Override
    public String toString() {
        return "CardAccount[" + card.maskedPan() + " " + status + " balance=" + balanceMinor
                + "]";
    }
}
