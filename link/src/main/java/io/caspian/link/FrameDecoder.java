package io.caspian.link;

import io.caspian.iso8583.framing.FrameResult;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.Framing;
import io.caspian.iso8583.framing.LengthHeader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the byte stream into frames with the link's {@link Framing}. Only the header is
 * peeked until the whole frame has arrived, so a large frame is copied once. After a broken
 * frame nothing more is read: the stream has lost its boundaries and the connection closes.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final Framing framing;
    private final int headerBytes;
    private boolean broken;

    FrameDecoder(Framing framing) {
        this.framing = framing;
        this.headerBytes = framing.spec().header().bytes();
        if (framing.spec().header() == LengthHeader.NONE) {
            throw new IllegalArgumentException("a TCP link needs a length header");
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < headerBytes) {
            return;
        }
        byte[] header = new byte[headerBytes];
        in.getBytes(in.readerIndex(), header);
        // With only the header, Framing either rejects it or asks for more: the checks of
        // length, maximum and minimum all come before the wait for the body.
        FrameResult verdict = framing.read(header, 0, headerBytes);
        if (verdict instanceof FrameResult.Broken b) {
            broken = true;
            int discarded = in.readableBytes();
            in.skipBytes(discarded);
            out.add(new InboundFrame.Broken(b.failure(), discarded));
            return;
        }
        int frameLength = headerBytes + bodyLength(header);
        if (in.readableBytes() < frameLength) {
            return;
        }
        byte[] frame = new byte[frameLength];
        in.readBytes(frame);
        FrameResult.Frame f = (FrameResult.Frame) framing.read(frame, 0, frameLength);
        byte[] tpdu = f.tpduOffset() < 0 ? null
                : Arrays.copyOfRange(frame, f.tpduOffset(), f.tpduOffset() + FrameSpec.TPDU_BYTES);
        byte[] message = Arrays.copyOfRange(frame, f.messageOffset(),
                f.messageOffset() + f.messageLength());
        out.add(new InboundFrame.Whole(tpdu, message));
    }

    /** The header's length, already validated by {@link Framing#read}. */
    private int bodyLength(byte[] h) {
        if (framing.spec().header() == LengthHeader.BINARY2) {
            return ((h[0] & 0xFF) << 8) | (h[1] & 0xFF);
        }
        int v = 0;
        for (byte b : h) {
            v = v * 10 + (b - '0');
        }
        return v;
    }
}
