package io.caspian.hsm.mac;

import java.util.Arrays;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ISO 9797-1 MAC algorithm 3 (the retail MAC) with all three key schedules computed once,
 * at {@link #init}.
 *
 * <pre>
 * data ─► pad (1: zeros to a block; 2: 0x80 then zeros) ─► CBC, single DES under K
 *      ─► last block: decrypt under K', encrypt under K ─► 8 bytes
 * </pre>
 *
 * <p>Why not Bouncy Castle's {@code ISO9797Alg3Mac}: it builds two fresh DES key schedules
 * in every {@code doFinal}, the largest single cost of a MAC on a short message (profiled:
 * about a tenth of the switch's engine thread). The result is the same bytes; the tests
 * compare the two on the published vectors and on random data and keys.
 *
 * <p>Not thread-safe: the caller holds the instance's monitor, as {@link MacEngine#compute}
 * does.
 */
final class RetailMac implements Mac {
    private static final int BLOCK = 8;

    private final DESEngine left = new DESEngine();
    private final DESEngine rightDecrypt = new DESEngine();
    private final ISO7816d4Padding padding;
    private final byte[] chain = new byte[BLOCK];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;

    /** @param padding null for padding method 1, ISO 7816-4 for padding method 2 */
    RetailMac(ISO7816d4Padding padding) {
        this.padding = padding;
    }

    /** Takes a double-length key: K is its left half, K' its right half. */
    @Override
    public void init(CipherParameters params) {
        if (!(params instanceof KeyParameter key) || key.getKey().length != 2 * BLOCK) {
            throw new IllegalArgumentException("the retail MAC takes a 16-byte key (K, K')");
        }
        byte[] k = key.getKey();
        byte[] half = Arrays.copyOfRange(k, 0, BLOCK);
        left.init(true, new KeyParameter(half));
        System.arraycopy(k, BLOCK, half, 0, BLOCK);
        rightDecrypt.init(false, new KeyParameter(half));
        Arrays.fill(half, (byte) 0);
        reset();
    }

    @Override
    public String getAlgorithmName() {
        return "ISO9797Alg3";
    }

    @Override
    public int getMacSize() {
        return BLOCK;
    }

    @Override
    public void update(byte in) {
        if (buffered == BLOCK) {
            chainBlock(buffer);
            buffered = 0;
        }
        buffer[buffered++] = in;
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        if (length < 0 || offset < 0 || offset + length > in.length) {
            throw new DataLengthException("input out of range");
        }
        for (int i = 0; i < length; i++) {
            update(in[offset + i]);
        }
    }

    /** Writes the 8-byte MAC and resets for the next message (the keys stay). */
    @Override
    public int doFinal(byte[] out, int outOffset) {
        if (padding == null) {
            // Method 1: zeros up to the block; none when aligned; empty data is one block.
            Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
        } else {
            if (buffered == BLOCK) {
                chainBlock(buffer);
                buffered = 0;
            }
            padding.addPadding(buffer, buffered);
        }
        chainBlock(buffer);
        rightDecrypt.processBlock(chain, 0, chain, 0);
        left.processBlock(chain, 0, chain, 0);
        System.arraycopy(chain, 0, out, outOffset, BLOCK);
        reset();
        return BLOCK;
    }

    @Override
    public void reset() {
        Arrays.fill(chain, (byte) 0);
        Arrays.fill(buffer, (byte) 0);
        buffered = 0;
    }

    private void chainBlock(byte[] block) {
        for (int i = 0; i < BLOCK; i++) {
            chain[i] ^= block[i];
        }
        left.processBlock(chain, 0, chain, 0);
    }
}
