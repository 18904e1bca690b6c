package io.caspian.iso8583.framing;

import io.caspian.iso8583.CodecFailure;

/** What the frame reader found at the start of the bytes it was given. */
public sealed interface FrameResult {

    /**
     * A whole frame: the message is {@code messageLength} bytes at {@code messageOffset};
     * {@code frameLength} bytes in all are consumed. {@code tpduOffset} is -1 without TPDU.
     */
    record Frame(int frameLength, int tpduOffset, int messageOffset, int messageLength)
            implements FrameResult {
    }

    /** Not enough bytes yet for a whole frame. */
    record NeedMore() implements FrameResult {
    }

    /** The header is broken or the frame too long: the link must be closed. */
    record Broken(CodecFailure failure) implements FrameResult {
    }
}
