package io.caspian.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.FailureReason;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.Framing;
import io.caspian.iso8583.framing.LengthHeader;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final byte[] TPDU = {0x60, 0x00, 0x01, 0x00, 0x02};

    @ParameterizedTest
    @ValueSource(strings = {"binary2", "ascii4-tpdu"})
    void threeFramesSplitAtEveryByteComeOutWhole(String kind) {
        boolean binary = kind.equals("binary2");
        Dialect d = Messages.dialect(binary ? "iso87-binary" : "shetab");
        Framing framing = new Framing(new FrameSpec(binary ? LengthHeader.BINARY2
                : LengthHeader.ASCII4, !binary, 4_000));
        byte[] stream = frames(d, framing, 3);
        for (int split = 0; split <= stream.length; split++) {
            EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(framing));
            ch.writeInbound(Unpooled.wrappedBuffer(stream, 0, split));
            ch.writeInbound(Unpooled.wrappedBuffer(stream, split, stream.length - split));
            assertThreeMessages(ch, d, binary ? null : TPDU);
        }
        EmbeddedChannel byteByByte = new EmbeddedChannel(new FrameDecoder(framing));
        for (byte b : stream) {
            byteByByte.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThreeMessages(byteByByte, d, binary ? null : TPDU);
    }

    @Test
    void aBadHeaderIsBrokenAndNothingAfterItIsRead() {
        Framing framing = new Framing(new FrameSpec(LengthHeader.ASCII4, false, 4_000));
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(framing));
        ch.writeInbound(Unpooled.wrappedBuffer("00A1xyz".getBytes(StandardCharsets.US_ASCII)));
        ch.writeInbound(Unpooled.wrappedBuffer("0003abc".getBytes(StandardCharsets.US_ASCII)));
        InboundFrame.Broken b = ch.readInbound();
        assertThat(b.failure().reason()).isEqualTo(FailureReason.BAD_FRAME_HEADER);
        assertThat(b.bytesDiscarded()).isEqualTo(7);
        Object none = ch.readInbound();
        assertThat(none).isNull();
    }

    @Test
    void aFrameOverTheMaximumIsBrokenBeforeItsBodyArrives() {
        Framing framing = new Framing(new FrameSpec(LengthHeader.BINARY2, false, 100));
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(framing));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x00, 101}));
        InboundFrame.Broken b = ch.readInbound();
        assertThat(b.failure().reason()).isEqualTo(FailureReason.FRAME_TOO_LONG);
    }

    static byte[] frames(Dialect d, Framing framing, int count) {
        IsoCodec codec = new IsoCodec(d);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int stan = 1; stan <= count; stan++) {
            byte[] body = ((EncodeResult.Success) codec.encode(Messages.request(d, stan))).bytes();
            out.writeBytes(framing.write(framing.spec().tpdu() ? TPDU : null, body));
        }
        return out.toByteArray();
    }

    private static void assertThreeMessages(EmbeddedChannel ch, Dialect d, byte[] tpdu) {
        List<Long> stans = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            InboundFrame.Whole w = (InboundFrame.Whole) o;
            assertThat(w.tpdu() == null ? null : Arrays.toString(w.tpdu()))
                    .isEqualTo(tpdu == null ? null : Arrays.toString(tpdu));
            DecodeResult r = new IsoCodec(d).decode(w.message());
            stans.add(((DecodeResult.Success) r).message().getLong(11));
        }
        assertThat(stans).containsExactly(1L, 2L, 3L);
    }
}
