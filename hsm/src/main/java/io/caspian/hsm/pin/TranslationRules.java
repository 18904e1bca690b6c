package io.caspian.hsm.pin;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.Refusal;

/**
 * Which PIN block translations are allowed (PCI PIN Security Requirements, Requirement 3-3,
 * and ISO 9564-1:2017 table 1).
 *
 * <pre>
 *            to 0   to 1   to 3   to 4
 * from 0      yes    no     yes    yes
 * from 1      yes    yes    yes    yes
 * from 3      yes    no     yes    yes
 * from 4      yes    no     yes    yes
 * </pre>
 *
 * A block bound to a PAN (0, 3, 4) is never translated to one that is not (1): that would
 * strip the PAN binding. Format 2 is never accepted as input (it is not even a
 * {@link PinBlockFormat}). The PAN never changes in a translation: the command carries one.
 */
public final class TranslationRules {
    private TranslationRules() {
    }

    public static void check(PinBlockFormat from, PinBlockFormat to) {
        if (from.usesPan() && !to.usesPan()) {
            throw new Refusal(HsmError.PIN_TRANSLATION_NOT_PERMITTED, "format " + from.number()
                    + " is never translated to format " + to.number() + " (PCI PIN 3-3)");
        }
    }
}
