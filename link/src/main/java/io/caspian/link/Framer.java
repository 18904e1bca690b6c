package io.caspian.link;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.FailureReason;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.Framing;

/**
 * Message to framed bytes, in two steps: encode once in the link's dialect (on the caller's
 * thread, so that a failure is the caller's answer), then add the header and the TPDU of the
 * connection it goes out on. Stateless.
 */
final class Framer {
    private final IsoCodec codec;
    private final Framing framing;

    Framer(IsoCodec codec, Framing framing) {
        this.codec = codec;
        this.framing = framing;
    }

    /** The message bytes, or why there are none (no MTI, other dialect, frame too long). */
    EncodeResult encode(IsoMessage message) {
        if (message.dialect() != codec.dialect()) {
            return failure(message, FailureReason.BAD_VALUE, "message of dialect "
                    + message.dialect().name() + " on a " + codec.dialect().name() + " link");
        }
        EncodeResult encoded = codec.encode(message);
        if (encoded instanceof EncodeResult.Success s) {
            int frameBody = s.bytes().length + (framing.spec().tpdu() ? FrameSpec.TPDU_BYTES : 0);
            if (frameBody > framing.spec().frameLengthMax()) {
                return failure(message, FailureReason.FRAME_TOO_LONG, frameBody
                        + " bytes, maximum " + framing.spec().frameLengthMax());
            }
        }
        return encoded;
    }

    /** Encodes a message the link builds itself, which always fits. */
    byte[] encodeOwn(IsoMessage message) {
        EncodeResult r = encode(message);
        if (r instanceof EncodeResult.Failure f) {
            throw new IllegalStateException("the link built an unencodable " + message.mti()
                    + ": " + f.failure().describe());
        }
        return ((EncodeResult.Success) r).bytes();
    }

    /** Header, TPDU (when the framing has one) and the encoded message. */
    byte[] frame(byte[] tpdu, byte[] body) {
        return framing.write(tpdu, body);
    }

    private static EncodeResult failure(IsoMessage m, FailureReason reason, String detail) {
        return new EncodeResult.Failure(new CodecFailure(m.mti(), -1, 0, reason, detail));
    }
}
