package io.caspian.sim.acquirer;

/**
 * The shape of generated traffic: relative weights per transaction, amounts, PIN habits.
 *
 * @param purchase weight of purchases (POS and e-commerce)
 * @param cash weight of ATM cash withdrawals
 * @param refund weight of refunds
 * @param balance weight of ATM balance inquiries
 * @param transfer weight of card-to-card transfers
 * @param authorization weight of authorizations (x100)
 * @param minAmountMinor smallest amount, minor units of the acquirer's currency
 * @param maxAmountMinor largest amount
 * @param posPinFraction share of POS purchases with a PIN
 * @param wrongPinFraction share of PIN entries that are wrong
 */
public record TrafficMix(int purchase, int cash, int refund, int balance, int transfer,
        int authorization, long minAmountMinor, long maxAmountMinor, double posPinFraction,
        double wrongPinFraction) {

    public TrafficMix {
        if (purchase < 0 || cash < 0 || refund < 0 || balance < 0 || transfer < 0
                || authorization < 0 || total(purchase, cash, refund, balance, transfer,
                        authorization) == 0) {
            throw new IllegalArgumentException("weights >= 0, at least one positive");
        }
        if (minAmountMinor < 1 || maxAmountMinor < minAmountMinor) {
            throw new IllegalArgumentException("1 <= minAmountMinor <= maxAmountMinor");
        }
        if (posPinFraction < 0 || posPinFraction > 1 || wrongPinFraction < 0
                || wrongPinFraction > 1) {
            throw new IllegalArgumentException("fractions are 0..1");
        }
    }

    private static int total(int... weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        return sum;
    }

    int totalWeight() {
        return total(purchase, cash, refund, balance, transfer, authorization);
    }

    /**
     * A retail day: mostly purchases, some cash, a few refunds, inquiries and transfers;
     * 5 % wrong PINs.
     */
    public static TrafficMix retail(long minAmountMinor, long maxAmountMinor) {
        return new TrafficMix(60, 15, 5, 5, 5, 10, minAmountMinor, maxAmountMinor, 0.3, 0.05);
    }
}
