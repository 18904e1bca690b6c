package io.caspian.sim.cards;

import java.util.List;
import java.util.Random;

/**
 * Luhn-valid PANs in a scheme's issuer identification numbers, from a seeded random source so
 * that a simulation replays with the same cards.
 */
public final class CardGenerator {
    /** Mir: the IIN range 2200-2204 (first four digits). */
    public static final List<String> MIR_IINS = List.of("2200", "2201", "2202", "2203", "2204");
    /** Shetab: Melli, Sepah, Mellat, Tejarat, Parsian, Saman. */
    public static final List<String> SHETAB_IINS = List.of("603799", "589210", "610433",
            "627353", "622106", "621986");

    private final List<String> iins;
    private final int panLength;
    private final Random random;

    /**
     * @param iins the prefixes to draw from, each shorter than the PAN
     * @param panLength 12 to 19 digits, check digit included
     * @param random seeded source
     */
    public CardGenerator(List<String> iins, int panLength, Random random) {
        if (iins.isEmpty() || panLength < 12 || panLength > 19) {
            throw new IllegalArgumentException("need IINs and a PAN length of 12..19");
        }
        for (String iin : iins) {
            if (!iin.matches("[0-9]+") || iin.length() >= panLength - 1) {
                throw new IllegalArgumentException("IIN must be digits shorter than the PAN");
            }
        }
        this.iins = List.copyOf(iins);
        this.panLength = panLength;
        this.random = random;
    }

    /** 16-digit Mir PANs. */
    public static CardGenerator mir(Random random) {
        return new CardGenerator(MIR_IINS, 16, random);
    }

    /** 16-digit Shetab PANs. */
    public static CardGenerator shetab(Random random) {
        return new CardGenerator(SHETAB_IINS, 16, random);
    }

    /** The next PAN: an IIN, random account digits, the Luhn check digit. */
    public String nextPan() {
        StringBuilder sb = new StringBuilder(iins.get(random.nextInt(iins.size())));
        while (sb.length() < panLength - 1) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        sb.append((char) ('0' + Luhn.checkDigit(sb)));
        return sb.toString();
    }

    /** A random PIN of {@code length} digits, for enrolment only; the caller zeroes it. */
    public char[] nextPin(int length) {
        char[] pin = new char[length];
        for (int i = 0; i < length; i++) {
            pin[i] = (char) ('0' + random.nextInt(10));
        }
        return pin;
    }
}
