package io.caspian.link;

import static io.caspian.link.Link.SendResult.NOT_SIGNED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.framing.FrameResult;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.Framing;
import io.caspian.iso8583.framing.LengthHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole inbound pipeline on an EmbeddedChannel: frames, decode, network management. */
class ConnectionHandlerTest {
    private static final byte[] TPDU = {0x60, 0x00, 0x01, 0x00, 0x02};
    private static final byte[] REPLY_TPDU = {0x60, 0x00, 0x02, 0x00, 0x01};
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-25T10:00:00Z"),
            ZoneOffset.UTC);

    private Dialect dialect;
    private FrameSpec spec;
    private Recorder handler;
    private NettyLink link;

    private EmbeddedChannel open(String kind, boolean signOnRequired) {
        boolean binary = kind.equals("binary2");
        dialect = Messages.dialect(binary ? "iso87-binary" : "shetab");
        spec = new FrameSpec(binary ? LengthHeader.BINARY2 : LengthHeader.ASCII4, !binary, 4_000);
        LinkConfig c = new LinkConfig("t", LinkRole.LISTEN, "127.0.0.1", 0, 1, dialect, spec,
                Duration.ZERO, signOnRequired, Duration.ofMillis(1), Duration.ofMillis(2), 10,
                null, null);
        handler = new Recorder();
        link = new NettyLink(c, handler, null, CLOCK, new SplittableRandom(1));
        return new EmbeddedChannel(new FrameDecoder(link.framing()), new ConnectionHandler(link));
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary2", "ascii4-tpdu"})
    void signOnThenRequestSplitAtEveryByte(String kind) {
        open(kind, true).close();
        byte[] stream = concat(frame(signOn(7)), frame(Messages.request(dialect, 42)));
        for (int split = 0; split <= stream.length; split++) {
            EmbeddedChannel ch = open(kind, true);
            ch.writeInbound(Unpooled.wrappedBuffer(stream, 0, split));
            ch.writeInbound(Unpooled.wrappedBuffer(stream, split, stream.length - split));
            IsoMessage reply = readOutbound(ch);
            assertThat(reply.mtiNumber()).isEqualTo(link.networkManagement().responseMti());
            assertThat(reply.getString(39)).isEqualTo(link.networkManagement().approvedCode());
            assertThat(reply.getLong(11)).isEqualTo(7);
            assertThat(link.state()).isEqualTo(LinkState.SIGNED_ON);
            assertThat(handler.messages).hasSize(1);
            assertThat(handler.messages.get(0).getLong(11)).isEqualTo(42);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary2", "ascii4-tpdu"})
    void aMalformedMessageGetsTheFormatErrorReplyAndTheConnectionStaysUp(String kind) {
        EmbeddedChannel ch = open(kind, false);
        byte[] good = encode(Messages.request(dialect, 77));
        // Cut inside DE 41, the last field: everything up to the RRN still decodes.
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        ch.writeInbound(Unpooled.wrappedBuffer(link.framing().write(tpdu(), truncated)));
        IsoMessage reply = readOutbound(ch);
        assertThat(reply.mti()).isEqualTo(dialect.isoVersion().mtiDigit() + "210");
        assertThat(reply.getString(39)).isEqualTo(dialect.formatErrorCode());
        assertThat(reply.getLong(11)).isEqualTo(77);
        assertThat(reply.has(2)).as("the PAN is not echoed").isFalse();
        assertThat(handler.formatErrors).singleElement()
                .satisfies(f -> assertThat(f.field()).isEqualTo(41));
        assertThat(ch.isActive()).isTrue();

        ch.writeInbound(Unpooled.wrappedBuffer(frame(Messages.request(dialect, 78))));
        assertThat(handler.messages).hasSize(1);
        assertThat(link.counters().formatErrors()).isEqualTo(1);
    }

    @Test
    void aBrokenFrameClosesTheConnection() {
        EmbeddedChannel ch = open("ascii4-tpdu", false);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'9', '9', '9', '9'}));
        assertThat(ch.isActive()).isFalse();
        assertThat(link.counters().brokenFrames()).isEqualTo(1);
        assertThat(link.state()).isEqualTo(LinkState.DISCONNECTED);
    }

    @Test
    void peerSignOffStopsTraffic() {
        EmbeddedChannel ch = open("binary2", true);
        assertThat(link.send(Messages.request(dialect, 1))).isEqualTo(NOT_SIGNED_ON);
        ch.writeInbound(Unpooled.wrappedBuffer(frame(signOn(1))));
        readOutbound(ch);
        assertThat(link.send(Messages.request(dialect, 2))).isEqualTo(Link.SendResult.SENT);
        assertThat(readOutbound(ch).getLong(11)).isEqualTo(2);
        IsoMessage signOff = link.networkManagement().request(NetworkCode.SIGN_OFF, 3);
        ch.writeInbound(Unpooled.wrappedBuffer(frame(signOff)));
        assertThat(readOutbound(ch).getString(70)).isEqualTo("002");
        assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
        assertThat(link.send(Messages.request(dialect, 4))).isEqualTo(NOT_SIGNED_ON);
        assertThat(handler.stateChanges).containsExactly("DISCONNECTED->CONNECTED",
                "CONNECTED->SIGNED_ON", "SIGNED_ON->CONNECTED");
    }

    @Test
    void keyChangeAndCutOverGoToTheHandler() {
        EmbeddedChannel ch = open("ascii4-tpdu", false);
        for (String code : new String[] {"161", "201"}) {
            IsoMessage m = link.networkManagement().request(NetworkCode.ECHO, 5).set(70, code);
            ch.writeInbound(Unpooled.wrappedBuffer(frame(m)));
        }
        Object none = ch.readOutbound();
        assertThat(none).isNull();
        assertThat(handler.messages).extracting(m -> m.getString(70)).containsExactly("161", "201");
    }

    private IsoMessage signOn(long stan) {
        return link.networkManagement().request(NetworkCode.SIGN_ON, stan);
    }

    private byte[] tpdu() {
        return spec.tpdu() ? TPDU : null;
    }

    private byte[] encode(IsoMessage m) {
        return ((EncodeResult.Success) new IsoCodec(dialect).encode(m)).bytes();
    }

    private byte[] frame(IsoMessage m) {
        return link.framing().write(tpdu(), encode(m));
    }

    private IsoMessage readOutbound(EmbeddedChannel ch) {
        ByteBuf buf = ch.readOutbound();
        assertThat(buf).as("an outbound frame").isNotNull();
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        FrameResult.Frame f = (FrameResult.Frame) new Framing(spec).read(bytes, 0, bytes.length);
        assertThat(f.frameLength()).isEqualTo(bytes.length);
        if (spec.tpdu()) {
            assertThat(Arrays.copyOfRange(bytes, f.tpduOffset(), f.tpduOffset() + 5))
                    .as("the reply TPDU swaps the request's addresses").isEqualTo(REPLY_TPDU);
        }
        DecodeResult r = new IsoCodec(dialect).decode(bytes, f.messageOffset(), f.messageLength());
        return ((DecodeResult.Success) r).message();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
