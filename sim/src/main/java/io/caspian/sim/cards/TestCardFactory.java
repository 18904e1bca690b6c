package io.caspian.sim.cards;

import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinUnderLmk;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Issues test cards: PAN from a {@link CardGenerator}, a random 4-digit PIN and a different
 * "wrong" PIN, both enrolled through the HSM at once so no clear PIN outlives this call.
 */
public final class TestCardFactory {
    private static final int PIN_LENGTH = 4;

    private final Hsm hsm;
    private final CardGenerator generator;
    private final List<String> holderNames;
    private final Random random;

    public TestCardFactory(Hsm hsm, CardGenerator generator, List<String> holderNames,
            Random random) {
        if (holderNames.isEmpty()) {
            throw new IllegalArgumentException("need at least one holder name");
        }
        this.hsm = hsm;
        this.generator = generator;
        this.holderNames = List.copyOf(holderNames);
        this.random = random;
    }

    /** One card. */
    public TestCard issue(CardStatus status, YearMonth expiry, long openingBalanceMinor) {
        String pan = generator.nextPan();
        char[] pin = generator.nextPin(PIN_LENGTH);
        char[] wrong = Arrays.copyOf(pin, pin.length);
        // A wrong PIN differs in the last digit, as a cardholder's typo would.
        wrong[PIN_LENGTH - 1] = (char) ('0' + (pin[PIN_LENGTH - 1] - '0' + 1) % 10);
        PinUnderLmk reference = enrol(pin, pan);
        PinUnderLmk wrongReference = enrol(wrong, pan);
        String name = holderNames.get(random.nextInt(holderNames.size()));
        return new TestCard(pan, name, expiry, status, reference, wrongReference,
                openingBalanceMinor);
    }

    /** {@code count} active cards with the same expiry and opening balance. */
    public List<TestCard> issueActive(int count, YearMonth expiry, long openingBalanceMinor) {
        List<TestCard> cards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cards.add(issue(CardStatus.ACTIVE, expiry, openingBalanceMinor));
        }
        return cards;
    }

    private PinUnderLmk enrol(char[] pin, String pan) {
        // The HSM zeroes the array after the command; zero it here too in case it refused.
        HsmResult<PinUnderLmk> result = hsm.execute(new HsmCommand.EnrolPin(pin, Pan.of(pan)));
        Arrays.fill(pin, '\0');
        return result.orElseThrow();
    }
}
