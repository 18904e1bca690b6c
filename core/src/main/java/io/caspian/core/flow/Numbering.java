package io.caspian.core.flow;

import io.caspian.core.txn.Digits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Caspian's own trace and reference numbers on one outgoing link. STANs cycle through
 * 1..10^digits-1; an RRN is the Julian date and hour plus a six-digit sequence (ISO 8583
 * DE 37 is 12 characters), unique on the link for a day.
 */
public final class Numbering {
    private final int stanDigits;
    private final long stanModulus;
    private long stan;
    private long rrnSequence;

    public Numbering(int stanDigits, long seed) {
        this.stanDigits = stanDigits;
        this.stanModulus = (long) Math.pow(10, Math.min(stanDigits, 18));
        this.stan = Math.floorMod(seed, stanModulus - 1);
        this.rrnSequence = Math.floorMod(seed, 1_000_000L);
    }

    public String nextStan() {
        stan = stan % (stanModulus - 1) + 1;
        return Digits.pad(stan, stanDigits);
    }

    public String nextRrn(Instant at) {
        rrnSequence = (rrnSequence + 1) % 1_000_000L;
        ZonedDateTime t = ZonedDateTime.ofInstant(at, ZoneOffset.UTC);
        return (t.getYear() % 10) + Digits.pad(t.getDayOfYear(), 3) + Digits.pad(t.getHour(), 2)
                + Digits.pad(rrnSequence, 6);
    }
}
