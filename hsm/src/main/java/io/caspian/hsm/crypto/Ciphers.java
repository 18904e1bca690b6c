package io.caspian.hsm.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** ECB and CBC over whole blocks, without padding: every caller pads by its own standard. */
public final class Ciphers {
    private Ciphers() {
    }

    public static byte[] encryptEcb(BlockAlgorithm algorithm, byte[] key, byte[] data) {
        return ecb(algorithm, key, data, true);
    }

    public static byte[] decryptEcb(BlockAlgorithm algorithm, byte[] key, byte[] data) {
        return ecb(algorithm, key, data, false);
    }

    public static byte[] encryptCbc(BlockAlgorithm algorithm, byte[] key, byte[] iv, byte[] data) {
        return cbc(algorithm, key, iv, data, true);
    }

    public static byte[] decryptCbc(BlockAlgorithm algorithm, byte[] key, byte[] iv, byte[] data) {
        return cbc(algorithm, key, iv, data, false);
    }

    private static byte[] ecb(BlockAlgorithm algorithm, byte[] key, byte[] data, boolean encrypt) {
        BlockCipher engine = algorithm.newEngine();
        engine.init(encrypt, new KeyParameter(key));
        return run(engine, data);
    }

    private static byte[] cbc(
            BlockAlgorithm algorithm, byte[] key, byte[] iv, byte[] data, boolean encrypt) {
        BlockCipher engine = CBCBlockCipher.newInstance(algorithm.newEngine());
        engine.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        return run(engine, data);
    }

    private static byte[] run(BlockCipher engine, byte[] data) {
        int blockSize = engine.getBlockSize();
        if (data.length % blockSize != 0) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " is not a multiple of " + blockSize);
        }
        byte[] out = new byte[data.length];
        for (int offset = 0; offset < data.length; offset += blockSize) {
            engine.processBlock(data, offset, out, offset);
        }
        return out;
    }
}
