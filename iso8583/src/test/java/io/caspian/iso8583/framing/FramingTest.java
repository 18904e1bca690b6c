package io.caspian.iso8583.framing;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.FailureReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Frames are found whole, at every split of the bytes, or refused when the header is bad. */
class FramingTest {
    private static final byte[] MESSAGE = "0800822000000000000004000000000000001125103015000001301"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TPDU = {0x60, 0x00, 0x01, 0x00, 0x02};

    @ParameterizedTest
    @EnumSource(value = LengthHeader.class, names = {"BINARY2", "ASCII4"})
    void aFrameIsFoundWholeWhateverTheSplit(LengthHeader header) {
        for (boolean tpdu : new boolean[] {false, true}) {
            Framing framing = new Framing(new FrameSpec(header, tpdu, 2048));
            byte[] one = framing.write(tpdu ? TPDU : null, MESSAGE);
            byte[] two = concat(one, one);
            for (int split = 0; split < two.length; split++) {
                // What a reader has after the first `split` bytes arrive.
                FrameResult r = framing.read(two, 0, split);
                if (split < one.length) {
                    assertThat(r).as("split %d", split).isInstanceOf(FrameResult.NeedMore.class);
                } else {
                    FrameResult.Frame f = (FrameResult.Frame) r;
                    assertThat(f.frameLength()).isEqualTo(one.length);
                    byte[] body = Arrays.copyOfRange(two, f.messageOffset(),
                            f.messageOffset() + f.messageLength());
                    assertThat(body).isEqualTo(MESSAGE);
                    if (tpdu) {
                        assertThat(Arrays.copyOfRange(two, f.tpduOffset(), f.tpduOffset() + 5))
                                .isEqualTo(TPDU);
                    }
                }
            }
            FrameResult.Frame second = (FrameResult.Frame) framing.read(two, one.length,
                    one.length);
            assertThat(second.messageLength()).isEqualTo(MESSAGE.length);
        }
    }

    @Test
    void headersAreWrittenAsDeclared() {
        byte[] b2 = new Framing(FrameSpec.of(LengthHeader.BINARY2)).write(null, MESSAGE);
        assertThat(b2[0]).isEqualTo((byte) 0);
        assertThat(b2[1]).isEqualTo((byte) MESSAGE.length);
        byte[] a4 = new Framing(FrameSpec.of(LengthHeader.ASCII4)).write(null, MESSAGE);
        assertThat(new String(a4, 0, 4, StandardCharsets.US_ASCII))
                .isEqualTo(String.format("%04d", MESSAGE.length));
    }

    @Test
    void aFrameOverTheMaximumIsBrokenBeforeItsBodyArrives() {
        Framing framing = new Framing(new FrameSpec(LengthHeader.BINARY2, false, 100));
        FrameResult r = framing.read(new byte[] {0x01, 0x00}, 0, 2);
        assertThat(((FrameResult.Broken) r).failure().reason())
                .isEqualTo(FailureReason.FRAME_TOO_LONG);
    }

    @Test
    void aNonDigitAsciiHeaderIsBroken() {
        Framing framing = new Framing(FrameSpec.of(LengthHeader.ASCII4));
        byte[] bad = "00x2ab".getBytes(StandardCharsets.US_ASCII);
        FrameResult r = framing.read(bad, 0, bad.length);
        assertThat(((FrameResult.Broken) r).failure().reason())
                .isEqualTo(FailureReason.BAD_FRAME_HEADER);
    }

    @Test
    void aZeroLengthFrameIsBroken() {
        Framing framing = new Framing(FrameSpec.of(LengthHeader.BINARY2));
        FrameResult r = framing.read(new byte[] {0, 0}, 0, 2);
        assertThat(r).isInstanceOf(FrameResult.Broken.class);
    }

    @Test
    void replyTpduSwapsDestinationAndOriginator() {
        assertThat(Framing.replyTpdu(TPDU)).containsExactly(0x60, 0x00, 0x02, 0x00, 0x01);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
