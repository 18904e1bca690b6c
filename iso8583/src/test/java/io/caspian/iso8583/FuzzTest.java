package io.caspian.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.iso8583.dialect.Encoding;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 100,000 random and mutated frames per dialect: decoding only ever yields a message or the
 * codec's own failure, never an exception; and whatever decodes re-encodes to its input.
 */
class FuzzTest {
    private static final int FRAMES_PER_DIALECT = 100_000;

    static Iterable<String> dialects() {
        return Dialects.BUILT_IN;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void randomAndMutatedFramesNeverThrow(String name) throws Exception {
        Dialect d = Dialects.builtIn(name);
        IsoCodec codec = new IsoCodec(d);
        Random rnd = new Random(name.hashCode());
        int failures = 0;
        for (int i = 0; i < FRAMES_PER_DIALECT; i++) {
            byte[] frame = i % 4 == 0 ? randomBytes(rnd) : mutated(codec, rnd);
            DecodeResult r;
            try {
                r = codec.decode(frame);
            } catch (RuntimeException e) {
                throw new AssertionError("frame " + i + " threw: " + Wire.hex(frame, 0,
                        frame.length), e);
            }
            if (r instanceof DecodeResult.Failure) {
                failures++;
                CodecFailure f = ((DecodeResult.Failure) r).failure();
                assertThat(f.offset()).isBetween(0, frame.length);
                assertThat(f.describe()).isNotBlank();
            } else {
                IsoMessage m = ((DecodeResult.Success) r).message();
                byte[] again = ((EncodeResult.Success) codec.encode(m)).bytes();
                assertThat(Arrays.equals(again, upperCaseBitmaps(d, frame)))
                        .as("frame %d re-encodes: %s", i, Wire.hex(frame, 0, frame.length))
                        .isTrue();
            }
        }
        // Most mutations break a message; a fuzzer that never fails tests nothing.
        assertThat(failures).isGreaterThan(FRAMES_PER_DIALECT / 2);
    }

    /** Hex bitmaps are read in either case and always written in upper case, as jPOS does. */
    private static byte[] upperCaseBitmaps(Dialect d, byte[] frame) {
        if (d.bitmapEncoding() != Encoding.HEX) {
            return frame;
        }
        byte[] b = frame.clone();
        int words = 1 + ((b[d.mtiBytes()] & 0xFF) >= '8' ? 1 : 0);
        if (words == 2 && d.tertiaryBitmap() && (b[d.mtiBytes() + 16] & 0xFF) >= '8') {
            words = 3;
        }
        for (int i = d.mtiBytes(); i < d.mtiBytes() + 16 * words; i++) {
            if (b[i] >= 'a' && b[i] <= 'f') {
                b[i] -= 'a' - 'A';
            }
        }
        return b;
    }

    private static byte[] randomBytes(Random rnd) {
        byte[] b = new byte[rnd.nextInt(300)];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] mutated(IsoCodec codec, Random rnd) {
        IsoMessage m = RandomMessages.random(codec.dialect(), rnd);
        byte[] b = ((EncodeResult.Success) codec.encode(m)).bytes();
        switch (rnd.nextInt(4)) {
            case 0: // flip bytes
                for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            case 1: // cut short
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            case 2: // extend
                byte[] longer = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
                return longer;
            default: // flip a bitmap bit
                int bitmapAt = codec.dialect().mtiBytes();
                int i = bitmapAt + rnd.nextInt(codec.dialect().bitmapBytes());
                if (i < b.length) {
                    b[i] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
        }
    }
}
