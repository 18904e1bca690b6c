package io.caspian.link;

import io.caspian.iso8583.CodecFailure;

/** What the frame decoder passes up the pipeline: a frame's bytes, or the verdict on a bad one. */
sealed interface InboundFrame {

    /** One frame: its TPDU (null without) and the message bytes, header and TPDU removed. */
    record Whole(byte[] tpdu, byte[] message) implements InboundFrame {
    }

    /** A broken length header or a frame over frameLengthMax: the connection must close. */
    record Broken(CodecFailure failure, int bytesDiscarded) implements InboundFrame {
    }
}
