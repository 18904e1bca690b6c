package io.caspian.hsm.pin;

import java.util.Arrays;
import java.util.Random;

/** A "random" source that returns one byte value forever, to reproduce published vectors. */
final class FixedRandom extends Random {
    private static final long serialVersionUID = 1L;
    private final int value;

    FixedRandom(int value) {
        this.value = value;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) value);
    }

    @Override
    protected int next(int bits) {
        return value & ((1 << bits) - 1);
    }
}
